# Headroom: the two commands of the quick start are `make walls` and `make test`. Both install missing
# Debian packages first when run as root, or print the exact apt-get line to run.

SWIFT ?= swift
DEBIAN_PACKAGES := libsqlite3-dev coinor-libcbc-dev coinor-libclp-dev pkg-config
SLURM_PACKAGES := slurm-wlm munge jq
HEADROOM := .build/debug/headroom

.PHONY: deps slurm-deps build walls catalog test test-slurm lint format benchmarks clean

deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing; \
	  else \
	    echo "Missing Debian packages:$$missing"; \
	    echo "Run: sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

walls: build
	$(HEADROOM) walls

catalog: build
	$(HEADROOM) catalog check
	$(HEADROOM) catalog list

test: build lint
	$(SWIFT) test
	@if [ "$$(id -u)" = "0" ]; then $(MAKE) --no-print-directory test-slurm; \
	else echo "test-slurm skipped: it starts Slurm daemons and needs root (sudo make test-slurm)"; fi

# A single-node Slurm cluster started here runs a 4-task array sweep and batch and their merge jobs; the merged
# results must equal single-process runs (scripts/slurm/test-slurm.sh; 30-40 s on a clean machine).
slurm-deps:
	@missing=""; \
	for package in $(SLURM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends$$missing; \
	  else \
	    echo "Missing Debian packages:$$missing"; \
	    echo "Run: sudo apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	fi

test-slurm: build slurm-deps
	scripts/slurm/test-slurm.sh

# The checked-in .swift-format decides layout; CI fails on any finding.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Benchmarks

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Benchmarks

benchmarks: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build .headroom
