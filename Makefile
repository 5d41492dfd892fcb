# Headroom: the two commands of the quick start are `make walls` and `make test`. Both install missing
# Debian packages first when run as root, or print the exact apt-get line to run.

SWIFT ?= swift
DEBIAN_PACKAGES := libsqlite3-dev coinor-libcbc-dev coinor-libclp-dev pkg-config
SLURM_PACKAGES := slurm-wlm munge jq
# The HTML report tests open every report kind in Debian's headless Chromium; only 'make test' needs it.
TEST_PACKAGES := chromium
HEADROOM := .build/debug/headroom

.PHONY: deps test-deps slurm-deps build walls catalog test test-slurm lint format docs benchmarks clean fuzz fuzz-build

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

test-deps:
	@missing=""; \
	for package in $(TEST_PACKAGES); do \
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

test: build lint test-deps
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

# DocC: one static site per library product in .build/docs/<Module>/, served from .build/docs (e.g.
# 'python3 -m http.server -d .build/docs', then /HeadroomModel/documentation/headroommodel/). swift-docc-plugin is a
# command plugin: 'swift build' resolves it but never builds it, so it costs the build nothing.
DOC_TARGETS := HeadroomModel HeadroomCatalog HeadroomSolver HeadroomCoinOR HeadroomPlanner HeadroomStore HeadroomReport \
  HeadroomCLI

docs: deps
	@mkdir -p .build/docs
	@for target in $(DOC_TARGETS); do \
	  $(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation --target $$target \
	    --output-path .build/docs/$$target --transform-for-static-hosting --hosting-base-path $$target \
	    > .build/docs/$$target.log 2>&1 || { cat .build/docs/$$target.log; exit 1; }; \
	  echo "docs: .build/docs/$$target ($$(grep -c '^warning' .build/docs/$$target.log) warnings, see .build/docs/$$target.log)"; \
	done

benchmarks: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

# Fuzzing: libFuzzer targets built with swiftc -sanitize=fuzzer,address from the library sources
# they fuzz (not by swift build): 'quantity' (units, counts, days), 'data-files' (every kind of YAML
# data file through its loader) and 'overrides' (--set). 'make fuzz' runs each for FUZZ_SECONDS (60)
# from its seeds (Tests/Fuzz/Seeds/<target>/, hand-written) and corpus (Tests/Fuzz/Corpus/<target>/),
# then merges what it found back into the corpus folder, keeping only inputs that add coverage; 'make test' replays the corpus (HeadroomFuzzTests). A crash
# stops with the input saved as .build/fuzz/artifacts/<target>-crash-*.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := quantity data-files overrides
FUZZ_BUILD := .build/fuzz
FUZZ_FLAGS := -sanitize=fuzzer,address -parse-as-library -O -g -wmo
YAMS := .build/checkouts/Yams/Sources
YAMS_C := -Xcc -fmodule-map-file=$(YAMS)/CYaml/include/module.modulemap -I $(YAMS)/CYaml/include -Xcc -DYAML_DECLARE_STATIC
FUZZ_OBJECTS := $(FUZZ_BUILD)/cyaml $(FUZZ_BUILD)/Yams.o $(FUZZ_BUILD)/HeadroomModel.o $(FUZZ_BUILD)/HeadroomCatalog.o \
  $(FUZZ_BUILD)/HeadroomFuzzing.o

$(YAMS)/Yams:
	$(SWIFT) package resolve

$(FUZZ_BUILD)/cyaml: | $(YAMS)/Yams
	mkdir -p $@
	cd $@ && for file in ../../../$(YAMS)/CYaml/src/*.c; do \
	  clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I ../../../$(YAMS)/CYaml/include $$file || exit 1; \
	done

$(FUZZ_BUILD)/Yams.o: $(FUZZ_BUILD)/cyaml
	swiftc $(FUZZ_FLAGS) -swift-version 5 -module-name Yams -D SWIFT_PACKAGE $(YAMS_C) \
	  -emit-module-path $(FUZZ_BUILD)/Yams.swiftmodule -c -o $@ $(YAMS)/Yams/*.swift

$(FUZZ_BUILD)/HeadroomModel.o: $(shell find Sources/HeadroomModel -name '*.swift')
	mkdir -p $(FUZZ_BUILD)
	swiftc $(FUZZ_FLAGS) -swift-version 6 -module-name HeadroomModel \
	  -emit-module-path $(FUZZ_BUILD)/HeadroomModel.swiftmodule -c -o $@ $^

$(FUZZ_BUILD)/HeadroomCatalog.o: $(shell find Sources/HeadroomCatalog -name '*.swift') $(FUZZ_BUILD)/HeadroomModel.o $(FUZZ_BUILD)/Yams.o
	swiftc $(FUZZ_FLAGS) -swift-version 6 -module-name HeadroomCatalog -I $(FUZZ_BUILD) $(YAMS_C) \
	  -emit-module-path $(FUZZ_BUILD)/HeadroomCatalog.swiftmodule -c -o $@ $(filter %.swift,$^)

$(FUZZ_BUILD)/HeadroomFuzzing.o: $(wildcard Tests/Fuzz/Entries/*.swift) $(FUZZ_BUILD)/HeadroomCatalog.o
	swiftc $(FUZZ_FLAGS) -swift-version 6 -module-name HeadroomFuzzing -I $(FUZZ_BUILD) $(YAMS_C) \
	  -emit-module-path $(FUZZ_BUILD)/HeadroomFuzzing.swiftmodule -c -o $@ $(filter %.swift,$^)

$(FUZZ_BUILD)/fuzz-%: Tests/Fuzz/Targets/%/main.swift $(FUZZ_OBJECTS)
	swiftc $(FUZZ_FLAGS) -use-ld=lld -swift-version 6 -I $(FUZZ_BUILD) $(YAMS_C) -o $@ $< \
	  $(filter %.o,$^) $(FUZZ_BUILD)/cyaml/*.o

fuzz-build: $(addprefix $(FUZZ_BUILD)/fuzz-,$(FUZZ_TARGETS))

fuzz: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@for target in $(FUZZ_TARGETS); do \
	  work=$(FUZZ_BUILD)/work-$$target; rm -rf $$work $$work-merged; mkdir -p $$work $$work-merged Tests/Fuzz/Corpus/$$target; \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/fuzz-$$target $$work Tests/Fuzz/Corpus/$$target Tests/Fuzz/Seeds/$$target -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$target- \
	    2> $(FUZZ_BUILD)/$$target.log || { tail -40 $(FUZZ_BUILD)/$$target.log; exit 1; }; \
	  grep -E "stat::number_of_executed_units|Done" $(FUZZ_BUILD)/$$target.log; \
	  $(FUZZ_BUILD)/fuzz-$$target -merge=1 $$work-merged Tests/Fuzz/Corpus/$$target $$work 2>> $(FUZZ_BUILD)/$$target.log \
	    || exit 1; \
	  rm -rf Tests/Fuzz/Corpus/$$target && mv $$work-merged Tests/Fuzz/Corpus/$$target; \
	  echo "fuzz: $$target corpus now $$(ls Tests/Fuzz/Corpus/$$target | wc -l) inputs"; \
	done

clean:
	rm -rf .build .headroom
