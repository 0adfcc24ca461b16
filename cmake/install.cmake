# Installing GigaPlan like a desktop app: the binaries, the catalog and samples in
# share/gigaplan (where catalog::defaultResourceDir() looks, relative to the binary: no
# environment variable needed), a .desktop entry, the hicolor icon set (scripts/make-icons draws
# it) and AppStream metadata; `cpack -G DEB` packs the same tree into a Debian package.
include(GNUInstallDirs)
set(GIGAPLAN_APP_ID org.gigaplan.GigaPlan)
if(NOT CMAKE_INSTALL_DATADIR STREQUAL "share")
  message(FATAL_ERROR "CMAKE_INSTALL_DATADIR must be 'share': the binaries find their catalog in ../share/gigaplan")
endif()

install(TARGETS gigaplan-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET gigaplan)
  install(TARGETS gigaplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${GIGAPLAN_SOURCE_DIR}/resources/catalog DESTINATION ${CMAKE_INSTALL_DATADIR}/gigaplan
        FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY ${GIGAPLAN_SOURCE_DIR}/samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/gigaplan/samples
        FILES_MATCHING PATTERN "*.yaml")
install(FILES ${GIGAPLAN_SOURCE_DIR}/resources/desktop/${GIGAPLAN_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${GIGAPLAN_SOURCE_DIR}/resources/desktop/${GIGAPLAN_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(DIRECTORY ${GIGAPLAN_SOURCE_DIR}/resources/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
install(FILES ${GIGAPLAN_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/gigaplan)

set(CPACK_PACKAGE_NAME gigaplan)
set(CPACK_PACKAGE_VENDOR "GigaPlan maintainers")
set(CPACK_PACKAGE_CONTACT "GigaPlan maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "plan AI training sites up to gigawatt scale")
set(CPACK_PACKAGE_DESCRIPTION
    "GigaPlan lays out halls, racks, the power chain and the cooling plant of an AI training site in 3D and evaluates compute, network fabric, grid draw, cooling, failure domains and training time. gigaplan-cli runs every analysis without a window.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends from the binaries' libraries (dpkg-shlibdeps)
if(TARGET gigaplan)
  # Loaded at run time, so dpkg-shlibdeps cannot see them: Qt's xcb platform plugin (libqt6gui6 only
  # recommends it) and Mesa's drivers for the 3D view.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libgl1-mesa-dri")
endif()
include(CPack)
