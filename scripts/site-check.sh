#!/usr/bin/env bash
# Opens a published site (spikedown publish) in headless Chromium.
#
#   scripts/site-check.sh SITE_DIR OUT_DIR
#
# - loads every page with --dump-dom (from a scratch copy of the site with a small probe script added,
#   so the site itself stays script-free) and fails when a page does not load or an image on it does
#   not decode (lazy images are switched to eager first);
# - screenshots the index and the first report page (1200×1600) into OUT_DIR/index.png and
#   OUT_DIR/report.png, and prints where they are.
# Needs Debian's `chromium` (or $CHROMIUM). Optional: `swift test` does not need it (the Swift crawl test
# checks every link and image); this is the look-at-it-in-a-real-browser check.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 SITE_DIR OUT_DIR" >&2
  exit 2
fi
site=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "site-check: chromium not found (apt-get install chromium, or set CHROMIUM)" >&2
  exit 2
fi
if [ ! -f "$site/index.html" ]; then
  echo "site-check: $site/index.html is missing; run spikedown publish first" >&2
  exit 1
fi

# One throw-away profile for every run, removed at the end.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser() {
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
    --user-data-dir="$profile" --no-first-run --disable-extensions --disable-background-networking \
    --disable-component-update --disable-sync --allow-file-access-from-files "$@" 2>/dev/null
}

# The probe: after the load event, a <pre id="site-check"> with the number of images and the broken ones.
probe='<script>
document.querySelectorAll("img").forEach(function (i) { i.loading = "eager"; });
window.addEventListener("load", function () {
  var bad = [];
  document.querySelectorAll("img").forEach(function (i) { if (!i.complete || i.naturalWidth === 0) bad.push(i.getAttribute("src")); });
  var p = document.createElement("pre"); p.id = "site-check";
  p.textContent = "images=" + document.images.length + " broken=" + bad.join(" ");
  document.body.appendChild(p);
});
</script>'
scratch="$profile/site"
cp -R "$site" "$scratch"
while IFS= read -r page; do
  PROBE="$probe" python3 - "$page" <<'PY'
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
i = text.rfind("</body>")
open(path, "w", encoding="utf-8").write(text[:i] + os.environ["PROBE"] + "\n" + text[i:] if i >= 0 else text)
PY
done < <(find "$scratch" -name '*.html')

failed=0
count=0
images=0
while IFS= read -r page; do
  count=$((count + 1))
  dom=$(browser --virtual-time-budget=10000 --dump-dom "file://$scratch/$page" || true)
  result=$(printf '%s' "$dom" | sed -n 's|.*<pre id="site-check">\(.*\)</pre>.*|\1|p')
  if [[ "$dom" != *"</html>"* || -z "$result" ]]; then
    echo "site-check: FAILED to load $page" >&2
    failed=$((failed + 1))
  elif [[ "$result" != *"broken=" ]]; then
    echo "site-check: $page: broken images: ${result#*broken=}" >&2
    failed=$((failed + 1))
  fi
  n=${result#images=}; images=$((images + ${n%% *}))
done < <(cd "$scratch" && find . -name '*.html' | sed 's|^\./||' | sort)
echo "site-check: $((count - failed)) of $count pages loaded with all their images ($images images)"

report=$(find "$site" -mindepth 2 -maxdepth 2 -name index.html | sort | head -n 1)
browser --window-size=1200,1600 --screenshot="$out/index.png" "file://$site/index.html" >/dev/null
if [ -n "$report" ]; then
  browser --window-size=1200,1600 --screenshot="$out/report.png" "file://$report" >/dev/null
fi
history=$(find "$site" -mindepth 2 -maxdepth 2 -name history.html | sort | head -n 1)
if [ -n "$history" ]; then
  browser --window-size=1200,1600 --screenshot="$out/history.png" "file://$history" >/dev/null
fi
for shot in index report history; do
  [ -f "$out/$shot.png" ] && echo "site-check: screenshot $out/$shot.png"
done
[ -f "$out/index.png" ] || { echo "site-check: no screenshot written" >&2; exit 1; }
[ "$failed" -eq 0 ] || exit 1
