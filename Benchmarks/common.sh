# Shared set-up of the extraction benchmarks (sourced by extraction.sh and real-pages.sh).
#
# memoscope_release_build: builds memoscope and memoscope-bench in release into $SCRATCH and sets
#   BIN to the folder holding them.
# trafilatura_venv: makes sure $VENV is a virtualenv with trafilatura 2.3.1 (the version the
#   README's figures are measured against), creating it if missing, and sets TRAFILATURA_VERSION.
# gnu_time: installs GNU time (for CPU and peak-memory figures) when it is missing.

memoscope_release_build() {
  echo "== building memoscope (release)" >&2
  swift build -c release --scratch-path "$SCRATCH" --product memoscope >&2
  swift build -c release --scratch-path "$SCRATCH" --product memoscope-bench >&2
  BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
}

trafilatura_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating $VENV with trafilatura 2.3.1" >&2
    python3 -m venv "$VENV"
  fi
  # lxml >= 5.2 moved lxml.html.clean out; trafilatura's justext still imports it.
  "$VENV/bin/python" -c "import trafilatura, justext, sys; sys.exit(trafilatura.__version__ != '2.3.1')" \
    2>/dev/null || "$VENV/bin/pip" install -q "trafilatura==2.3.1" lxml_html_clean >&2
  TRAFILATURA_VERSION="$("$VENV/bin/python" -c "import trafilatura; print(trafilatura.__version__)")"
}

gnu_time() {
  if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time for CPU and peak-memory figures" >&2
    apt-get install -y -qq time >/dev/null
  fi
}
