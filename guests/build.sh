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
#   --no-install                         never call apt-get or npm (fail instead when a tool is missing)
#
# Reproducibility: sources are copied to a fixed staging path ($STAGE below) so that no checkout path can
# leak into the outputs or into cargo's metadata hashes; Rust builds use an isolated CARGO_HOME, the
# committed Cargo.lock (--locked) and Debian's packaged crates only (--offline). The expected tool versions
# are those of Debian 12 (bookworm); other versions will build valid but not byte-identical modules.
# AssemblyScript comes from npm, pinned by guests/assemblyscript/package-lock.json and installed with npm ci
# into the git-ignored .tools/assemblyscript (Node >= 20 is needed; Debian 12's nodejs 18 is too old).
# Modules that must be hand-encoded (padded LEB128, invalid or malformed bytes) are committed as annotated
# hex (guests/wat/*.hex, guests/hostile/*.hex): everything from '#' to the end of a line is a comment and
# the rest goes through xxd -r -p.
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
           librust-serde-json-dev xxd)
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

# AssemblyScript: npm ci of the committed package-lock.json into $AS_TOOLS, unless the same lock is installed.
AS_TOOLS="$ROOT/.tools/assemblyscript"
ensure_assemblyscript() {
    local major
    command -v node >/dev/null && command -v npm >/dev/null || die "node >= 20 and npm are needed for AssemblyScript"
    major="$(node -p 'process.versions.node.split(".")[0]')"
    [ "$major" -ge 20 ] || die "node $(node --version) is too old for assemblyscript 0.28 (needs >= 20)"
    if [ -x "$AS_TOOLS/node_modules/.bin/asc" ] \
        && cmp -s "$GUESTS/assemblyscript/package-lock.json" "$AS_TOOLS/package-lock.json"; then
        return 0
    fi
    [ "$DO_INSTALL" = 1 ] || die "AssemblyScript is not installed in $AS_TOOLS (run without --no-install)"
    log "installing AssemblyScript into $AS_TOOLS (npm ci)"
    mkdir -p "$AS_TOOLS"
    cp "$GUESTS/assemblyscript/package.json" "$GUESTS/assemblyscript/package-lock.json" "$AS_TOOLS/"
    (cd "$AS_TOOLS" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
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
ensure_assemblyscript

# One build at a time on this machine (fixed staging path).
mkdir -p "$(dirname "$STAGE")"
exec 9>"$STAGE.lock"
flock 9

rm -rf "$STAGE/src" "$STAGE/out"
mkdir -p "$STAGE/src" "$STAGE/out" "$STAGE/target" "$STAGE/cargo-home"
cp -r "$GUESTS/c" "$GUESTS/wat" "$GUESTS/hostile" "$STAGE/src/"
mkdir -p "$STAGE/src/rust" "$STAGE/src/assemblyscript"
(cd "$GUESTS/rust" && cp -r .cargo Cargo.toml Cargo.lock json-run json-cmd typed proc-json balance-bridge derive-template \
    "$STAGE/src/rust/")
cp "$GUESTS"/assemblyscript/*.ts "$STAGE/src/assemblyscript/"
ln -s "$AS_TOOLS/node_modules" "$STAGE/src/assemblyscript/node_modules"
SRC="$STAGE/src"
O="$STAGE/out"

# ---------------------------------------------------------------------------------------------------------
# (b) C guests (clang 14, wasi-libc, MVP only)
# ---------------------------------------------------------------------------------------------------------
# clang runs wasm-opt on its output when it finds one on PATH and an -O flag is given (LLVM 14 has no switch to
# turn that off), so installing binaryen would silently change every C module: clang's PATH holds only itself and
# the linker it calls.
mkdir -p "$STAGE/clang-bin"
ln -sf /usr/bin/clang /usr/bin/wasm-ld-14 "$STAGE/clang-bin/"
CLANG=(env PATH="$STAGE/clang-bin" clang)
CC=("${CLANG[@]}" --target=wasm32-wasi --sysroot=/usr -O2 -mcpu=mvp -Wall -ffile-prefix-map="$SRC"=/guests
    -Wl,--strip-debug)
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
# Derivation reducers (issue 16): only the db imports (db.h), no WASI.
"${CC[@]}" "${REACTOR[@]}" -o "$O/derive-hello.wasm"  derive-hello.c jsonmini.c
"${CC[@]}" "${REACTOR[@]}" -o "$O/derive-game.wasm"   derive-game.c jsonmini.c

# The same compiler with the features today's LLVM (>= 19, e.g. Rust >= 1.87) enables by default. In clang 14
# -mreference-types already makes wasm-ld write every call_indirect of our own code with a padded 5-byte table
# index (80 80 80 80 00); wasi-libc's prebuilt objects stay MVP-encoded. -mmultivalue only reaches the
# target_features section: the C ABI returns structs through memory, so no multi-value types appear.
CC_TODAY=("${CLANG[@]}" --target=wasm32-wasi --sysroot=/usr -O2 -mreference-types -mbulk-memory -mmultivalue
          -mnontrapping-fptoint -msign-ext -Wall -ffile-prefix-map="$SRC"=/guests -Wl,--strip-debug)
log "C guests, today's features"
"${CC_TODAY[@]}" "${NOLIBC[@]}"  -o "$O/c-add-today.wasm"       c-add.c c-add-today-extra.c
"${CC_TODAY[@]}" "${NOLIBC[@]}"  -o "$O/c-proc-text-today.wasm" c-proc-text.c c-proc-text-today-extra.c
"${CC_TODAY[@]}"                 -o "$O/c-json-cmd-today.wasm"  c-json-cmd-today.c jsonmini.c
"${CC_TODAY[@]}" "${REACTOR[@]}" -o "$O/c-json-run-today.wasm"  c-json-run-today.c jsonmini.c
"${CC_TODAY[@]}" "${REACTOR[@]}" -o "$O/c-rpc-run-today.wasm"   c-rpc-run-today.c jsonmini.c
"${CC_TODAY[@]}" "${REACTOR[@]}" -o "$O/wf-balance-rpc.wasm"     wf-balance-rpc.c jsonmini.c
"${CC_TODAY[@]}" "${REACTOR[@]}" -o "$O/derive-hello-today.wasm" derive-hello.c jsonmini.c
"${CC_TODAY[@]}" "${REACTOR[@]}" -o "$O/derive-game-today.wasm"  derive-game.c jsonmini.c

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
cp "$R/rust_derive_template.wasm" "$O/rust-derive-template.wasm"

# The JSON command and reactor again with today's default features (Rust >= 1.87 / LLVM >= 19), minus
# multivalue: LLVM 14 with +multivalue returns Rust-ABI pairs as multiple values (types like (i32) -> (i32, i32)),
# which LLVM >= 19 no longer does unless the experimental-mv ABI is chosen; and without LTO it cannot link
# against the MVP std (signature mismatches). With lto = true the std's bitcode is code-generated again with
# these features, so every call_indirect, std's included, gets the padded table index. rustc 1.63 warns that
# it does not know "sign-ext" and passes it to LLVM anyway. The target_features section is stripped (strip).
log "Rust guests, today's features"
env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
    CARGO_HOME="$STAGE/cargo-home" CARGO_TARGET_DIR="$STAGE/target-today" \
    RUSTFLAGS="-C debuginfo=0 -C target-feature=+reference-types,+bulk-memory,+nontrapping-fptoint,+sign-ext,+mutable-globals --remap-path-prefix=$SRC=/guests" \
    CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never \
    /usr/bin/cargo build --release --locked --offline --target wasm32-wasi --quiet -p rust-json-cmd -p rust-json-run -p wf-balance-bridge \
    -p rust-derive-template
R="$STAGE/target-today/wasm32-wasi/release"
cp "$R/rust-json-cmd.wasm" "$O/rust-json-cmd-today.wasm"
cp "$R/rust_json_run.wasm" "$O/rust-json-run-today.wasm"
cp "$R/wf_balance_bridge.wasm" "$O/wf-balance-bridge.wasm"
cp "$R/rust_derive_template.wasm" "$O/rust-derive-template-today.wasm"

# ---------------------------------------------------------------------------------------------------------
# AssemblyScript guests (asc 0.28 from .tools/assemblyscript, its default features, -O3)
# ---------------------------------------------------------------------------------------------------------
# asc's defaults: sign-extension, nontrapping-f2i, bulk-memory and mutable-globals on; reference-types, simd,
# threads, gc off. The plain modules import env.abort / env.seed / env.trace as asc decides; as-wasi-wc uses
# @assemblyscript/wasi-shim's asconfig.json (WASI imports, start function exported as _start). asc runs in the
# staging directory with relative paths: the file names it embeds for abort() are then just "as-abort.ts".
log "AssemblyScript guests"
cd "$SRC/assemblyscript"
ASC=(node_modules/.bin/asc -O3 --noColors)
for m in as-math as-abort as-random as-trace; do
    "${ASC[@]}" "$m.ts" -o "$O/$m.wasm"
done
"${ASC[@]}" as-wasi-wc.ts --config node_modules/@assemblyscript/wasi-shim/asconfig.json -o "$O/as-wasi-wc.wasm"

# ---------------------------------------------------------------------------------------------------------
# WAT guests and hostile modules (wabt 1.0.32 wat2wasm, default features; SIMD is on by default there)
# ---------------------------------------------------------------------------------------------------------
log "WAT guests"
# The feature list a source declares in its header: ";; features: a b" (.wat) or "# features: a b" (.hex).
declared_features() { sed -n 's/^\(;;\|#\) *features: *//p' "$1" | head -n 1; }
# wat2wasm/wasm-validate flags turning on the declared features that wabt 1.0.32 leaves off (extended-const).
enable_flags() {
    local f
    for f in $1; do
        case " mutable-globals saturating-float-to-int sign-extension simd multi-value bulk-memory reference-types default " in
            *" $f "*) ;;
            *) echo "--enable-$f" ;;
        esac
    done
}
for f in "$SRC"/wat/*.wat "$SRC"/hostile/*.wat; do
    # shellcheck disable=SC2046
    wat2wasm $(enable_flags "$(declared_features "$f")") "$f" -o "$O/$(basename "$f" .wat).wasm"
done
for f in "$SRC"/wat/*.hex "$SRC"/hostile/*.hex; do
    [ -f "$f" ] || continue
    out="$O/$(basename "$f" .hex).wasm"
    [ -e "$out" ] && die "$f: a .wat of the same name exists"
    sed 's/#.*//' "$f" | xxd -r -p > "$out"
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
# Post-MVP features a module may use. Everything not listed must be MVP-only. A .wat or .hex file can also
# declare its own with a comment line like ";; features: multi-value bulk-memory" (names as in wasm-validate's
# --disable-<feature> / --enable-<feature> flags, or "default" for wabt's default feature set).
TODAY_C="bulk-memory multi-value saturating-float-to-int reference-types sign-extension"   # = CC_TODAY's -m flags
TODAY_RUST="bulk-memory saturating-float-to-int reference-types sign-extension mutable-globals"
AS_DEFAULT="sign-extension saturating-float-to-int bulk-memory mutable-globals"            # asc 0.28's defaults
declare -A EXTRA_FEATURES=(
    [wat-multi-value]=multi-value
    [wat-bulk-memory]=bulk-memory
    [wat-sign-ext]=sign-extension
    [wat-sat-trunc]=saturating-float-to-int
    [wat-mutable-global-export]=mutable-globals
    [hostile-simd]=simd
    [c-add-today]="$TODAY_C" [c-proc-text-today]="$TODAY_C" [c-json-cmd-today]="$TODAY_C"
    [c-json-run-today]="$TODAY_C" [c-rpc-run-today]="$TODAY_C"
    [rust-json-cmd-today]="$TODAY_RUST" [rust-json-run-today]="$TODAY_RUST"
    [wf-balance-rpc]="$TODAY_C" [wf-balance-bridge]="$TODAY_RUST"
    [derive-hello-today]="$TODAY_C" [derive-game-today]="$TODAY_C" [rust-derive-template-today]="$TODAY_RUST"
    [as-math]="$AS_DEFAULT" [as-abort]="$AS_DEFAULT" [as-random]="$AS_DEFAULT" [as-trace]="$AS_DEFAULT"
    [as-wasi-wc]="$AS_DEFAULT"
)
# What the module's bytes really use (guests/wasm-features.sh, "none" = MVP only), checked exactly, so that
# MANIFEST.md's claims stay true when a compiler changes. Modules with a "features:" line must use exactly
# those features. For the C and Rust modules reference-types comes from padded call_indirect table indexes
# alone, which NEEDS_PADDED_CALL_INDIRECT asserts as well.
declare -A USES=(
    [c-add-today]="sign-extension saturating-float-to-int bulk-memory reference-types"
    [c-proc-text-today]="reference-types" [c-json-cmd-today]="reference-types"
    [c-json-run-today]="reference-types" [c-rpc-run-today]="bulk-memory reference-types"
    [rust-json-cmd-today]="sign-extension bulk-memory reference-types"
    [rust-json-run-today]="sign-extension bulk-memory reference-types"
    [wf-balance-rpc]="bulk-memory reference-types" [wf-balance-bridge]="sign-extension bulk-memory reference-types"
    [derive-hello-today]="reference-types" [derive-game-today]="bulk-memory reference-types"
    [rust-derive-template-today]="sign-extension bulk-memory reference-types"
    [as-math]="sign-extension saturating-float-to-int" [as-abort]=none
    [as-random]="saturating-float-to-int" [as-trace]=none [as-wasi-wc]=bulk-memory
)
NEEDS_PADDED_CALL_INDIRECT=" c-add-today c-proc-text-today c-json-cmd-today c-json-run-today c-rpc-run-today
 rust-json-cmd-today rust-json-run-today wat-call-indirect-padded wf-balance-rpc wf-balance-bridge
 derive-hello-today derive-game-today rust-derive-template-today "
# The C modules built with CC_TODAY must say so in their target_features section, as clang 14 writes it.
TARGET_FEATURES_LIST_REFERENCE_TYPES=" c-add-today c-proc-text-today c-json-cmd-today c-json-run-today
 c-rpc-run-today wf-balance-rpc derive-hello-today derive-game-today "
# Modules described in MANIFEST.md: strictly checked. Other .wat files dropped into wat/ or hostile/ without
# a ";; features:" line are only checked against wabt's default feature set (with a note).
OWNED=" derive-hello derive-game rust-derive-template c-add c-proc-text rust-proc-json c-echo c-sha256 c-sha256-cmd c-wasi-probe c-rpc-run c-file-bridge c-state c-grow rust-json-run
 rust-json-cmd rust-typed wat-add wat-multi-value wat-bulk-memory wat-sign-ext wat-sat-trunc
 wat-mutable-global-export wat-start wat-trap-unreachable wat-loop-sum wat-call-indirect wat-wasi-exit
 wat-assemblyscript
 hostile-infinite-loop hostile-memory-bomb hostile-recursion hostile-output-flood hostile-unknown-import
 hostile-simd hostile-gas-burner hostile-rpc-bad-pointers hostile-rpc-alloc hostile-big-iovec hostile-huge-initial-memory
 hostile-import-memory progress wat-db wat-db-noalloc wat-db-badalloc
 wf-spin wf-echo-stdin wf-silent wf-not-json wf-exit-3 wf-blank-lines wf-print-value wf-skip-remaining
 wf-echo-stderr wf-trap "
OWNED=" $(echo $OWNED) "   # one line, single spaces
for name in $OWNED; do
    for src in "$SRC/wat/$name.wat" "$SRC/hostile/$name.wat"; do
        [ -f "$src" ] && grep -q '^;; *features:' "$src" && die "$src: owned modules list features in build.sh"
    done
done
# Must be rejected by an MVP-only validator (or by any validator, with every feature enabled). A source whose
# "expect:" line starts with INVALID_MODULE must fail too, and a "# wabt: <text>" line in a .hex names the
# error wasm-validate must report (so a hand-encoded module fails for the reason it was written for).
declare -A MUST_FAIL_MVP=([hostile-simd]=1)
declare -A MUST_FAIL_ALWAYS=([malformed]=1 [not-wasm]=1)
declare -A WABT_ERROR=()
for src in "$SRC"/wat/*.wat "$SRC"/hostile/*.wat "$SRC"/wat/*.hex "$SRC"/hostile/*.hex; do
    [ -f "$src" ] || continue
    name="$(basename "${src%.*}")"
    line="$(declared_features "$src")"
    if [ -n "$line" ]; then
        EXTRA_FEATURES[$name]="$line"
        [ "$line" = default ] || USES[$name]="$line"
    fi
    sed -n 's/^\(;;\|#\) *expect: *//p' "$src" | grep -q '^INVALID_MODULE' && MUST_FAIL_ALWAYS[$name]=1
    line="$(sed -n 's/^# *wabt: *//p' "$src" | head -n 1)"
    [ -n "$line" ] && WABT_ERROR[$name]="$line"
done
# Imports the host provides; modules listed in FOREIGN_IMPORTS_OK deliberately import something else.
ALLOWED_IMPORTS=" host.rpc_call wasi_snapshot_preview1.args_get wasi_snapshot_preview1.args_sizes_get
 wasi_snapshot_preview1.environ_get wasi_snapshot_preview1.environ_sizes_get
 wasi_snapshot_preview1.clock_time_get wasi_snapshot_preview1.random_get wasi_snapshot_preview1.fd_read
 wasi_snapshot_preview1.fd_write wasi_snapshot_preview1.fd_close wasi_snapshot_preview1.fd_fdstat_get
 wasi_snapshot_preview1.fd_prestat_get wasi_snapshot_preview1.fd_prestat_dir_name
 wasi_snapshot_preview1.fd_seek wasi_snapshot_preview1.path_open wasi_snapshot_preview1.path_filestat_get
 wasi_snapshot_preview1.proc_exit wasi_snapshot_preview1.sched_yield wasi_snapshot_preview1.poll_oneoff
 host.progress env.abort env.seed env.trace db.exec db.query db.error "
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
    # wabt turns reference-types off with bulk-memory (as Wasmtime refuses one without the other).
    [[ "$extra" == *" reference-types "* ]] && extra+="bulk-memory "
    for f in "${ALL_FEATURES[@]}"; do
        [[ "$extra" == *" $f "* ]] || flags+=("--disable-$f")
    done
    # shellcheck disable=SC2207
    flags+=($(enable_flags "$extra"))
    echo "${flags[@]}"
}

# Checks USES, NEEDS_PADDED_CALL_INDIRECT and TARGET_FEATURES_LIST_REFERENCE_TYPES for one module; logs
# what the bytes of every post-MVP module use.
source "$GUESTS/wasm-features.sh"
check_bytes() {
    local name="$1" path="$2" used padded total ok=0
    [ -n "${EXTRA_FEATURES[$name]:-}" ] || return 0
    used="$(features_used "$path")"
    read -r padded total < <(padded_call_indirects "$path")
    log "  $name: uses ${used:-none}; padded call_indirect: $padded of $total"
    if [ -n "${USES[$name]:-}" ] && [ "$(tr ' ' '\n' <<<"${used:-none}" | sort)" != "$(tr ' ' '\n' <<<"${USES[$name]}" | sort)" ]; then
        log "FAIL: $name.wasm uses '${used:-none}', expected '${USES[$name]}'"; ok=1
    fi
    if [[ "$NEEDS_PADDED_CALL_INDIRECT" == *" $name "* ]] && [ "$padded" -eq 0 ]; then
        log "FAIL: $name.wasm has no call_indirect with a padded table index"; ok=1
    fi
    if [[ "$TARGET_FEATURES_LIST_REFERENCE_TYPES" == *" $name "* ]] \
        && ! wasm-objdump -x -j target_features "$path" 2>/dev/null | grep -q '\[+\] reference-types'; then
        log "FAIL: $name.wasm: target_features does not list +reference-types"; ok=1
    fi
    return $ok
}

fail=0
for path in "$O"/*; do
    file="$(basename "$path")"
    name="${file%.*}"
    if [ -n "${MUST_FAIL_ALWAYS[$name]:-}" ]; then
        if err="$(wasm-validate --enable-all "$path" 2>&1)"; then
            log "FAIL: $file validates but must not"; fail=1
        elif [ -n "${WABT_ERROR[$name]:-}" ] && [[ "$err" != *"${WABT_ERROR[$name]}"* ]]; then
            log "FAIL: $file is rejected for another reason than '${WABT_ERROR[$name]}': $err"; fail=1
        fi
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
    check_bytes "$name" "$path" || fail=1
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
