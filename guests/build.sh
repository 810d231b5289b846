#!/usr/bin/env bash
# Builds the WebAssembly guest corpus used by the Java tests, bit for bit.
#
#   bash guests/build.sh                 rebuild every guest into executor-core/src/test/resources/guests/
#   bash guests/build.sh --check         rebuild into a temp dir and compare with the committed files
#                                        (exit 1 on any difference or missing file; files in the directory
#                                        that build.sh does not produce are reported and left alone)
#   bash guests/build.sh --out DIR       rebuild into DIR instead (DIR is created; nothing else is touched)
#   bash guests/build.sh --native OUT    only build the native SHA-256 benchmark harness (gcc -O2) to OUT
#                                        (put OUT somewhere git-ignored, e.g. guests/native/sha256-bench)
#   --no-install                         never call apt-get (fail instead when a tool is missing)
#
# Reproducibility: sources are copied to a fixed staging path ($STAGE below) so that no checkout path can
# leak into the outputs or into cargo's metadata hashes; Rust builds use an isolated CARGO_HOME, the
# committed Cargo.lock (--locked) and Debian's packaged crates only (--offline). The expected tool versions
# are those of Debian 12 (bookworm); other versions will build valid but not byte-identical modules.
set -euo pipefail

GUESTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$GUESTS")"
DEST="$ROOT/executor-core/src/test/resources/guests"
STAGE=/tmp/wasmhive-guests-build

MODE=build
NATIVE_OUT=""
OUT_DIR=""
DO_INSTALL=1

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --check) MODE=check ;;
        --native) [ $# -ge 2 ] || { echo "--native needs an output path" >&2; exit 2; }
                  MODE=native; NATIVE_OUT="$2"; shift ;;
        --out) [ $# -ge 2 ] || { echo "--out needs a directory" >&2; exit 2; }
               OUT_DIR="$2"; shift ;;
        --no-install) DO_INSTALL=0 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

log() { echo "[guests] $*" >&2; }
die() { echo "[guests] ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------
# (a) Debian packages
# ---------------------------------------------------------------------------------------------------------
WASM_PKGS=(clang lld lld-14 wasi-libc libclang-rt-14-dev-wasm32 wabt rustc cargo libstd-rust-dev-wasm32
           librust-serde-json-dev)
NATIVE_PKGS=(gcc libc6-dev)

ensure_pkgs() {
    local missing=() p
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$DO_INSTALL" = 1 ] || die "missing Debian packages: ${missing[*]} (run without --no-install)"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || die "missing packages ${missing[*]} and not root"
        sudo="sudo"
    fi
    log "installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# Versions the committed binaries were produced with (Debian 12). A mismatch only warns.
check_versions() {
    local want got
    for want in "clang-14:14.0.6" "wabt:1.0.32" "rustc:1.63.0" "wasi-libc:0.0~git20220510" \
                "librust-serde-json-dev:1.0.87"; do
        got="$(dpkg-query -W -f='${Version}' "${want%%:*}" 2>/dev/null || true)"
        case "$got" in
            *"${want#*:}"*) ;;
            *) log "WARNING: ${want%%:*} is '$got', expected ${want#*:}*: outputs may differ from the committed ones" ;;
        esac
    done
}

# ---------------------------------------------------------------------------------------------------------
# native benchmark harness only
# ---------------------------------------------------------------------------------------------------------
if [ "$MODE" = native ]; then
    ensure_pkgs "${NATIVE_PKGS[@]}"
    mkdir -p "$(dirname "$NATIVE_OUT")"
    gcc -O2 -std=c99 -Wall -o "$NATIVE_OUT" "$GUESTS/c/sha256_native.c" "$GUESTS/c/sha256.c"
    log "native harness: $NATIVE_OUT (usage: $NATIVE_OUT N  -> median_ns=..., first4=...)"
    exit 0
fi

ensure_pkgs "${WASM_PKGS[@]}"
check_versions

# One build at a time on this machine (fixed staging path).
mkdir -p "$(dirname "$STAGE")"
exec 9>"$STAGE.lock"
flock 9

rm -rf "$STAGE/src" "$STAGE/out"
mkdir -p "$STAGE/src" "$STAGE/out" "$STAGE/target" "$STAGE/cargo-home"
cp -r "$GUESTS/c" "$GUESTS/wat" "$GUESTS/hostile" "$STAGE/src/"
mkdir -p "$STAGE/src/rust"
(cd "$GUESTS/rust" && cp -r .cargo Cargo.toml Cargo.lock json-run json-cmd typed proc-json "$STAGE/src/rust/")
SRC="$STAGE/src"
O="$STAGE/out"

# ---------------------------------------------------------------------------------------------------------
# (b) C guests (clang 14, wasi-libc, MVP only)
# ---------------------------------------------------------------------------------------------------------
# clang runs wasm-opt after linking whenever it finds one, in its own directory or on PATH (Debian's binaryen puts
# one in /usr/bin), and that changes the output; the committed modules are built without it. So clang runs from
# LLVM's own directory with a PATH that holds nothing but the linker.
CC_BIN="$STAGE/cc-bin"
mkdir -p "$CC_BIN"
WASM_LD="$(command -v wasm-ld-14 || command -v wasm-ld)" || die "wasm-ld not found"
ln -sf "$WASM_LD" "$CC_BIN/wasm-ld-14"
ln -sf "$WASM_LD" "$CC_BIN/wasm-ld"
CC=(env PATH="$CC_BIN" "$(readlink -f "$(command -v clang)")" --target=wasm32-wasi --sysroot=/usr -O2 -mcpu=mvp -Wall
    -ffile-prefix-map="$SRC"=/guests -Wl,--strip-debug)
NOLIBC=(-nostdlib -Wl,--no-entry)
REACTOR=(-mexec-model=reactor)

cd "$SRC/c"
log "C guests"
"${CC[@]}" "${NOLIBC[@]}"  -o "$O/c-add.wasm"         c-add.c
"${CC[@]}" "${NOLIBC[@]}"  -o "$O/c-state.wasm"       c-state.c
"${CC[@]}" "${NOLIBC[@]}"  -o "$O/c-grow.wasm"        c-grow.c
"${CC[@]}" "${NOLIBC[@]}"  -o "$O/c-proc-text.wasm"   c-proc-text.c
"${CC[@]}"                 -o "$O/c-echo.wasm"        c-echo.c
"${CC[@]}"                 -o "$O/c-wasi-probe.wasm"  c-wasi-probe.c
"${CC[@]}"                 -o "$O/c-sha256-cmd.wasm"  c-sha256-cmd.c sha256.c
"${CC[@]}" "${REACTOR[@]}" -o "$O/c-sha256.wasm"      c-sha256.c sha256.c
"${CC[@]}" "${REACTOR[@]}" -o "$O/c-rpc-run.wasm"     c-rpc-run.c
"${CC[@]}" "${REACTOR[@]}" -o "$O/c-file-bridge.wasm" c-file-bridge.c

# ---------------------------------------------------------------------------------------------------------
# Rust guests (Debian rustc 1.63 + cargo, wasm32-wasi, offline Debian crates)
# ---------------------------------------------------------------------------------------------------------
log "Rust guests"
cd "$SRC/rust"
env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
    CARGO_HOME="$STAGE/cargo-home" CARGO_TARGET_DIR="$STAGE/target" \
    RUSTFLAGS="-C debuginfo=0 -C target-cpu=mvp --remap-path-prefix=$SRC=/guests" \
    CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never \
    /usr/bin/cargo build --release --locked --offline --target wasm32-wasi --quiet
R="$STAGE/target/wasm32-wasi/release"
cp "$R/rust_json_run.wasm" "$O/rust-json-run.wasm"
cp "$R/rust-json-cmd.wasm" "$O/rust-json-cmd.wasm"
cp "$R/rust_typed.wasm"    "$O/rust-typed.wasm"
cp "$R/rust_proc_json.wasm" "$O/rust-proc-json.wasm"

# ---------------------------------------------------------------------------------------------------------
# WAT guests and hostile modules (wabt 1.0.32 wat2wasm, default features; SIMD is on by default there)
# ---------------------------------------------------------------------------------------------------------
log "WAT guests"
for f in "$SRC"/wat/*.wat "$SRC"/hostile/*.wat; do
    wat2wasm "$f" -o "$O/$(basename "$f" .wat).wasm"
done
# Truncated module: valid header, then a type section that declares 16 bytes but has only 3.
printf '\000asm\001\000\000\000\001\020\001\140\000' > "$O/malformed.wasm"
printf 'This is not a WebAssembly module.\nIt is plain text that a module loader must reject.\n' \
    > "$O/not-wasm.bin"

# ---------------------------------------------------------------------------------------------------------
# Verification: features, imports
# ---------------------------------------------------------------------------------------------------------
log "validating"
ALL_FEATURES=(mutable-globals saturating-float-to-int sign-extension simd multi-value bulk-memory
              reference-types)
# Post-MVP features a module may use. Everything not listed must be MVP-only. A .wat file can also declare
# its own with a comment line like ";; features: multi-value bulk-memory" (names as in wasm-validate's
# --disable-<feature> flags, or "default" for wabt's default feature set).
declare -A EXTRA_FEATURES=(
    [wat-multi-value]=multi-value
    [wat-bulk-memory]=bulk-memory
    [wat-sign-ext]=sign-extension
    [wat-sat-trunc]=saturating-float-to-int
    [wat-mutable-global-export]=mutable-globals
    [hostile-simd]=simd
)
# Modules described in MANIFEST.md: strictly checked. Other .wat files dropped into wat/ or hostile/ without
# a ";; features:" line are only checked against wabt's default feature set (with a note).
OWNED=" c-add c-proc-text rust-proc-json c-echo c-sha256 c-sha256-cmd c-wasi-probe c-rpc-run c-file-bridge c-state c-grow rust-json-run
 rust-json-cmd rust-typed wat-add wat-multi-value wat-bulk-memory wat-sign-ext wat-sat-trunc
 wat-mutable-global-export wat-start wat-trap-unreachable wat-loop-sum wat-call-indirect wat-wasi-exit
 wat-assemblyscript
 hostile-infinite-loop hostile-memory-bomb hostile-recursion hostile-output-flood hostile-unknown-import
 hostile-simd hostile-gas-burner hostile-rpc-bad-pointers hostile-rpc-alloc hostile-big-iovec hostile-huge-initial-memory
 hostile-import-memory "
OWNED=" $(echo $OWNED) "   # one line, single spaces
for name in $OWNED; do
    for src in "$SRC/wat/$name.wat" "$SRC/hostile/$name.wat"; do
        [ -f "$src" ] && grep -q '^;; *features:' "$src" && die "$src: owned modules list features in build.sh"
    done
done
for src in "$SRC"/wat/*.wat "$SRC"/hostile/*.wat; do
    line="$(sed -n 's/^;; *features: *//p' "$src" | head -n 1)"
    [ -n "$line" ] && EXTRA_FEATURES[$(basename "$src" .wat)]="$line"
done
# Must be rejected by an MVP-only validator (or by any validator).
declare -A MUST_FAIL_MVP=([hostile-simd]=1)
declare -A MUST_FAIL_ALWAYS=([malformed]=1 [not-wasm]=1)
# Imports the host provides; modules listed in FOREIGN_IMPORTS_OK deliberately import something else.
ALLOWED_IMPORTS=" host.rpc_call wasi_snapshot_preview1.args_get wasi_snapshot_preview1.args_sizes_get
 wasi_snapshot_preview1.environ_get wasi_snapshot_preview1.environ_sizes_get
 wasi_snapshot_preview1.clock_time_get wasi_snapshot_preview1.random_get wasi_snapshot_preview1.fd_read
 wasi_snapshot_preview1.fd_write wasi_snapshot_preview1.fd_close wasi_snapshot_preview1.fd_fdstat_get
 wasi_snapshot_preview1.fd_prestat_get wasi_snapshot_preview1.fd_prestat_dir_name
 wasi_snapshot_preview1.fd_seek wasi_snapshot_preview1.path_open wasi_snapshot_preview1.path_filestat_get
 wasi_snapshot_preview1.proc_exit wasi_snapshot_preview1.sched_yield wasi_snapshot_preview1.poll_oneoff
 host.progress env.abort env.seed env.trace "
declare -A FOREIGN_IMPORTS_OK=([hostile-unknown-import]=1 [hostile-import-memory]=1)
declare -A ALLOWED=()
for imp in $ALLOWED_IMPORTS; do ALLOWED[$imp]=1; done

mvp_flags_for() {
    local name="$1" f flags=() extra
    extra=" ${EXTRA_FEATURES[$name]:-} "
    if [ "$extra" = " default " ]; then echo ""; return; fi
    if [ "$extra" = "  " ] && [[ "$OWNED" != *" $name "* ]] && [ "$name" != __mvp__ ]; then
        log "note: $name.wasm has no declared feature set: validated with wabt's defaults only" \
            "(add ';; features: ...' to its .wat for a strict check)"
        echo ""
        return
    fi
    for f in "${ALL_FEATURES[@]}"; do
        [[ "$extra" == *" $f "* ]] || flags+=("--disable-$f")
    done
    echo "${flags[@]}"
}

fail=0
for path in "$O"/*; do
    file="$(basename "$path")"
    name="${file%.*}"
    if [ -n "${MUST_FAIL_ALWAYS[$name]:-}" ]; then
        if wasm-validate "$path" >/dev/null 2>&1; then log "FAIL: $file validates but must not"; fail=1; fi
        continue
    fi
    # shellcheck disable=SC2046
    if ! wasm-validate $(mvp_flags_for "$name") "$path" >/dev/null 2>&1; then
        if [ -z "${MUST_FAIL_MVP[$name]:-}" ]; then
            log "FAIL: $file does not validate with its feature set (MVP + ${EXTRA_FEATURES[$name]:-nothing})"
            fail=1
        fi
    fi
    if [ -n "${MUST_FAIL_MVP[$name]:-}" ]; then
        # shellcheck disable=SC2046
        if wasm-validate $(mvp_flags_for "__mvp__") "$path" >/dev/null 2>&1; then
            log "FAIL: $file validates as MVP but must need a post-MVP feature"; fail=1
        fi
        wasm-validate --enable-all "$path" >/dev/null 2>&1 || { log "FAIL: $file invalid"; fail=1; }
    fi
    if [ -z "${FOREIGN_IMPORTS_OK[$name]:-}" ]; then
        while read -r imp; do
            [ -z "$imp" ] && continue
            [ -n "${ALLOWED[$imp]:-}" ] || { log "FAIL: $file imports $imp, which the host does not provide"; fail=1; }
        done < <(wasm-objdump -x -j Import "$path" 2>/dev/null | sed -n 's/.* <- \([^ ]*\)$/\1/p')
    fi
done
[ "$fail" = 0 ] || die "validation failed"

# ---------------------------------------------------------------------------------------------------------
# (c) install or compare
# ---------------------------------------------------------------------------------------------------------
if [ "$MODE" = check ]; then
    diffs=0
    for path in "$O"/*; do
        file="$(basename "$path")"
        if [ ! -f "$DEST/$file" ]; then
            log "MISSING in $DEST: $file"; diffs=1
        elif ! cmp -s "$path" "$DEST/$file"; then
            log "DIFFERS: $file (built $(sha256sum <"$path" | cut -c1-16), committed $(sha256sum <"$DEST/$file" | cut -c1-16))"
            diffs=1
        fi
    done
    # Files in $DEST that build.sh does not produce belong to someone else: mention them, never fail on them.
    if [ -d "$DEST" ]; then
        for path in "$DEST"/*; do
            [ -e "$path" ] || continue
            file="$(basename "$path")"
            [ -f "$O/$file" ] || log "note: $file is not produced by build.sh (left alone)"
        done
    fi
    [ "$diffs" = 0 ] || die "committed guests differ from a fresh build: run bash guests/build.sh"
    log "check OK: $(ls "$O" | wc -l) files identical to $DEST"
    exit 0
fi

TARGET="${OUT_DIR:-$DEST}"
mkdir -p "$TARGET"
# Only the files this script produces are written; other files in the directory are left untouched.
for path in "$O"/*; do install -m 0644 "$path" "$TARGET/$(basename "$path")"; done
(cd "$TARGET" && sha256sum $(cd "$O" && ls) ) >&2
log "built $(ls "$O" | wc -l) files into $TARGET"
