# Shortcuts for the two README commands, and the install.
#   make install [PREFIX=/usr/local] [DESTDIR=]   release binary, templates, policies, completions, man pages
#   make uninstall [PREFIX=...] [DESTDIR=...]
PREFIX ?= /usr/local
DESTDIR ?=
.PHONY: run test install uninstall
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
install:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh
uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh --uninstall
