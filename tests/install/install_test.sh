#!/usr/bin/env bash
# install_test.sh BUILD_DIR install|package — see tests/install/CMakeLists.txt.
set -euo pipefail
build=$1 mode=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
id=org.gigaplan.GigaPlan

if [ "$mode" = package ]; then
  # cpack into the staging dir, then check the package's files and fields.
  (cd "$stage" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$stage" >cpack.log 2>&1) ||
    { cat "$stage/cpack.log" >&2; fail "cpack -G DEB"; }
  deb=$(ls "$stage"/gigaplan_*.deb) || fail "no gigaplan_*.deb written"
  contents=$(dpkg-deb -c "$deb")
  for f in ./usr/bin/gigaplan-cli ./usr/share/gigaplan/catalog/gpus.yaml ./usr/share/gigaplan/samples/teaching-hall.yaml \
           ./usr/share/applications/$id.desktop ./usr/share/metainfo/$id.metainfo.xml \
           ./usr/share/icons/hicolor/48x48/apps/gigaplan.png; do
    grep -q " $f\$" <<<"$contents" || fail "$deb lacks $f"
  done
  info=$(dpkg-deb -I "$deb")
  grep -q "^ Package: gigaplan" <<<"$info" || fail "package name"
  grep -q "^ Depends: .*libyaml-cpp" <<<"$info" || fail "Depends lacks libyaml-cpp: $info"
  if grep -q " ./usr/bin/gigaplan\$" <<<"$contents"; then
    grep -q "^ Depends: .*qt6-qpa-plugins" <<<"$info" || fail "Depends lacks Qt's platform plugins: $info"
    grep -q "^ Depends: .*libqt6widgets6" <<<"$info" || fail "Depends lacks Qt Widgets: $info"
  fi
  # The packed binary runs from the unpacked tree and finds the packed catalog.
  dpkg-deb -x "$deb" "$stage/root"
  env -u GIGAPLAN_RESOURCES "$stage/root/usr/bin/gigaplan-cli" validate "$stage/root/usr/share/gigaplan/samples/teaching-hall.yaml" >/dev/null ||
    fail "the packed gigaplan-cli cannot validate the packed sample"
  echo "ok: $(basename "$deb"), $(du -k "$deb" | cut -f1) kB"
  exit 0
fi

DESTDIR="$stage" cmake --install "$build" --prefix /usr >"$stage/install.log" || { cat "$stage/install.log" >&2; fail "cmake --install"; }
prefix=$stage/usr
for f in bin/gigaplan-cli share/gigaplan/catalog/gpus.yaml share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/icons/hicolor/scalable/apps/gigaplan.svg share/doc/gigaplan/LICENSE; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
for s in 16 24 32 48 64 128 256 512; do
  [ -s "$prefix/share/icons/hicolor/${s}x${s}/apps/gigaplan.png" ] || fail "no ${s}x${s} icon"
done
for sample in teaching-hall superpod-gb200-su llama3-cluster colossus1-like gigawatt-campus; do
  [ -e "$prefix/share/gigaplan/samples/$sample.yaml" ] || fail "sample $sample not installed"
done

# Run from elsewhere, without GIGAPLAN_RESOURCES: the binary finds ../share/gigaplan by itself.
cd /
version=$(env -u GIGAPLAN_RESOURCES "$prefix/bin/gigaplan-cli" --version) || fail "gigaplan-cli --version"
[[ "$version" == "gigaplan-cli "* ]] || fail "--version printed '$version'"
env -u GIGAPLAN_RESOURCES "$prefix/bin/gigaplan-cli" validate "$prefix/share/gigaplan/samples/teaching-hall.yaml" >/dev/null ||
  fail "installed gigaplan-cli cannot validate the installed teaching hall"
if [ -x "$prefix/bin/gigaplan" ]; then
  env -u GIGAPLAN_RESOURCES QT_QPA_PLATFORM=offscreen "$prefix/bin/gigaplan" validate \
    "$prefix/share/gigaplan/samples/teaching-hall.yaml" >/dev/null || fail "installed gigaplan cannot validate"
fi
# The installed catalog is the one read: broken, the same command fails and names it.
printf 'gpus: [\n' >>"$prefix/share/gigaplan/catalog/gpus.yaml"
if out=$(env -u GIGAPLAN_RESOURCES "$prefix/bin/gigaplan-cli" validate "$prefix/share/gigaplan/samples/teaching-hall.yaml" 2>&1); then
  fail "validate passed with a broken installed catalog: it reads another one"
fi
grep -q "$prefix/share/gigaplan/catalog/gpus.yaml" <<<"$out" || fail "the error does not name the installed catalog: $out"

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$prefix/share/applications/$id.desktop" || fail "desktop-file-validate"
else
  echo "skipped: desktop-file-validate (Debian package desktop-file-utils) is not installed"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$prefix/share/metainfo/$id.metainfo.xml" >/dev/null || fail "appstreamcli validate"
else
  echo "skipped: appstreamcli (Debian package appstream) is not installed"
fi
echo "ok: installed and ran $version"
