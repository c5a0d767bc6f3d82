#!/usr/bin/env bash
# Local Elasticsearch for baoku: the search stage (baoku.search) and the `es` tests talk to the
# single node this script starts. It fetches the server from Maven Central once, caches it, and
# runs it on 127.0.0.1 as an unprivileged user.
#
#   scripts/elasticsearch.sh start    start (or find running) node, print its URL
#   scripts/elasticsearch.sh stop     stop the node this cache started
#   scripts/elasticsearch.sh status   "running <url>" or "not running"
#   scripts/elasticsearch.sh url      print the URL of the running node
#
# Environment:
#   BAOKU_ES_VERSION  server version (default below; must exist as integ-test-zip on Maven Central)
#   BAOKU_CACHE       cache root (default <repo>/.cache)
#   ES_JAVA_HOME      JDK to run the server with (default: newest suitable JDK under /usr/lib/jvm)
#   BAOKU_ES_USER     user the server runs as when this script runs as root (default baoku-es)
#   BAOKU_ES_HEAP     JVM heap, used for both -Xms and -Xmx (default 1g)
#   BAOKU_ES_WAIT     seconds to wait for cluster health yellow (default 120)
set -euo pipefail

# 8.19.21 is the newest integ-test-zip that Maven Central serves: its maven-metadata.xml lists no
# 9.x release of this artifact (9.5.6 fails with "Could not find artifact"). See docs/elasticsearch.md.
readonly DEFAULT_VERSION="8.19.21"
readonly GROUP_ID="org.elasticsearch.distribution.integ-test-zip"
readonly ARTIFACT_ID="elasticsearch"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${BAOKU_ES_VERSION:-$DEFAULT_VERSION}"
CACHE_ROOT="${BAOKU_CACHE:-$REPO_ROOT/.cache}"
ES_CACHE="$CACHE_ROOT/elasticsearch"
VERSION_DIR="$ES_CACHE/$VERSION"
# One node per cache: state lives outside the version dir so stop/status work whatever version runs.
STATE_DIR="$ES_CACHE/state"
PID_FILE="$STATE_DIR/pid"
URL_FILE="$STATE_DIR/url"
RUN_DIR_FILE="$STATE_DIR/run_dir"
ES_USER="${BAOKU_ES_USER:-baoku-es}"
HEAP="${BAOKU_ES_HEAP:-1g}"
WAIT_SECONDS="${BAOKU_ES_WAIT:-120}"
CLUSTER_NAME="baoku-es"

die() {
    echo "elasticsearch.sh: $*" >&2
    exit 1
}

log() {
    echo "elasticsearch.sh: $*" >&2
}

is_root() {
    [[ "$(id -u)" -eq 0 ]]
}

# Minimum Java feature version the server needs: 9.x wants 21, 8.x runs on 17.
min_java_for_version() {
    local major="${VERSION%%.*}"
    if [[ "$major" =~ ^[0-9]+$ ]] && ((major >= 9)); then
        echo 21
    else
        echo 17
    fi
}

# Feature version (17, 21, 25, ...) of the JDK at $1, read from its `release` file so that no JVM
# has to start; prints nothing when it is not a JDK.
java_feature_version() {
    local home="$1" line version
    [[ -x "$home/bin/java" && -r "$home/release" ]] || return 0
    line="$(grep -E '^JAVA_VERSION=' "$home/release" || true)"
    version="${line#JAVA_VERSION=}"
    version="${version//\"/}"
    version="${version%%.*}"
    if [[ "$version" =~ ^[0-9]+$ ]]; then
        echo "$version"
    fi
}

find_java_home() {
    local need best="" best_version=0 candidate version
    need="$(min_java_for_version)"
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then
        version="$(java_feature_version "$ES_JAVA_HOME")"
        [[ -n "$version" ]] || die "ES_JAVA_HOME=$ES_JAVA_HOME is not a JDK (no bin/java or release file)"
        ((version >= need)) || die "ES_JAVA_HOME=$ES_JAVA_HOME is Java $version; Elasticsearch $VERSION needs Java $need+"
        echo "$ES_JAVA_HOME"
        return
    fi
    for candidate in /usr/lib/jvm/*/; do
        candidate="${candidate%/}"
        # Symlinked aliases point at a directory the loop already visits.
        [[ -L "$candidate" ]] && continue
        version="$(java_feature_version "$candidate")"
        [[ -n "$version" ]] || continue
        if ((version >= need && version > best_version)); then
            best="$candidate"
            best_version="$version"
        fi
    done
    [[ -n "$best" ]] || die "no JDK >= $need found under /usr/lib/jvm (Elasticsearch $VERSION needs Java $need+); install one or set ES_JAVA_HOME"
    echo "$best"
}

fetch_zip() {
    local zip="$VERSION_DIR/$ARTIFACT_ID-$VERSION.zip"
    if [[ -s "$zip" ]]; then
        echo "$zip"
        return
    fi
    command -v mvn >/dev/null || die "mvn not found; it fetches the server from Maven Central"
    mkdir -p "$VERSION_DIR"
    log "downloading $GROUP_ID:$ARTIFACT_ID:$VERSION:zip from Maven Central"
    if ! mvn -B -q dependency:copy \
        "-Dartifact=$GROUP_ID:$ARTIFACT_ID:$VERSION:zip" \
        "-DoutputDirectory=$VERSION_DIR" >"$VERSION_DIR/mvn.log" 2>&1; then
        grep -m 3 ERROR "$VERSION_DIR/mvn.log" >&2 || tail -n 20 "$VERSION_DIR/mvn.log" >&2
        die "could not fetch Elasticsearch $VERSION from Maven Central (full log: $VERSION_DIR/mvn.log)"
    fi
    [[ -s "$zip" ]] || die "mvn reported success but $zip is missing"
    echo "$zip"
}

# Unpacks into a temp dir first so an interrupted unzip never leaves a half-installed server behind.
unpack() {
    local zip="$1" home="$VERSION_DIR/elasticsearch-$VERSION" tmp
    if [[ -x "$home/bin/elasticsearch" ]]; then
        echo "$home"
        return
    fi
    command -v unzip >/dev/null || die "unzip not found"
    tmp="$(mktemp -d "$VERSION_DIR/unpack.XXXXXX")"
    unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; die "could not unpack $zip"; }
    [[ -d "$tmp/elasticsearch-$VERSION" ]] || { rm -rf "$tmp"; die "$zip has no elasticsearch-$VERSION/ directory"; }
    rm -rf "$home"
    mv "$tmp/elasticsearch-$VERSION" "$home"
    rm -rf "$tmp"
    # mktemp dirs are 0700; make sure the server user can read everything the zip shipped.
    chmod -R a+rX "$home"
    echo "$home"
}

ensure_user() {
    if ! id -u "$ES_USER" >/dev/null 2>&1; then
        log "creating system user $ES_USER (Elasticsearch refuses to run as root)"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER"
    fi
}

as_es_user() {
    if is_root; then
        runuser -u "$ES_USER" -- "$@"
    else
        "$@"
    fi
}

# The server user must reach its install and run dir through every parent directory; a cache
# under a 0700 home would block it, so then both live under /var/tmp instead.
readonly FALLBACK_BASE="/var/tmp/baoku-elasticsearch"

server_base() {
    if ! is_root || as_es_user test -x "$ES_CACHE" -a -r "$ES_CACHE"; then
        echo "$ES_CACHE"
    else
        echo "$FALLBACK_BASE"
    fi
}

install_reachable_home() {
    local home="$1" base="$2" copy
    if [[ "$base" == "$ES_CACHE" ]]; then
        echo "$home"
        return
    fi
    copy="$base/$VERSION/elasticsearch-$VERSION"
    if [[ ! -x "$copy/bin/elasticsearch" ]]; then
        log "$ES_USER cannot reach $ES_CACHE; copying the install to $copy"
        mkdir -p "$(dirname "$copy")"
        rm -rf "$copy.tmp"
        cp -a "$home" "$copy.tmp"
        mv "$copy.tmp" "$copy"
        chmod a+rx "$base" "$base/$VERSION"
    fi
    echo "$copy"
}

port_in_use() {
    # A successful connect means something listens there already.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
    local port
    for port in 9200 $(seq 9201 9299) $(seq 19200 19299); do
        if ! port_in_use "$port"; then
            echo "$port"
            return
        fi
    done
    die "no free HTTP port in 9200-9299 or 19200-19299"
}

# Pid from the state file, but only while that process is still the server we started:
# after a reboot the number may belong to something else.
running_pid() {
    local pid
    [[ -r "$PID_FILE" ]] || return 1
    pid="$(tr -d '[:space:]' <"$PID_FILE")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    grep -qa "org.elasticsearch" "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}

healthy() {
    curl -fsS --max-time 5 "$1/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

log_tail() {
    local run_dir="$1"
    local file
    for file in "$run_dir/logs/$CLUSTER_NAME.log" "$run_dir/startup.log"; do
        if [[ -s "$file" ]]; then
            echo "--- last lines of $file ---" >&2
            tail -n 40 "$file" >&2
        fi
    done
}

clear_state() {
    rm -f "$PID_FILE" "$URL_FILE" "$RUN_DIR_FILE"
}

cmd_start() {
    local pid url zip home base java_home port run_dir deadline started_at
    if pid="$(running_pid)" && [[ -r "$URL_FILE" ]]; then
        url="$(cat "$URL_FILE")"
        if healthy "$url"; then
            echo "$url"
            return
        fi
        die "a node (pid $pid) is running but $url is not healthy; run '$0 stop' first"
    fi
    clear_state
    started_at=$SECONDS

    java_home="$(find_java_home)"
    zip="$(fetch_zip)"
    home="$(unpack "$zip")"
    if is_root; then
        ensure_user
    fi
    base="$(server_base)"
    home="$(install_reachable_home "$home" "$base")"
    port="$(pick_port)"
    url="http://127.0.0.1:$port"

    # A fresh data dir each start: tests and users always begin from an empty cluster.
    run_dir="$base/run"
    rm -rf "$run_dir"
    mkdir -p "$run_dir/data" "$run_dir/logs" "$run_dir/tmp" "$STATE_DIR"
    # The node writes its keystore into the config dir, so it gets its own writable copy.
    cp -r "$home/config" "$run_dir/config"
    if is_root; then
        chown -R "$ES_USER:" "$run_dir"
    fi
    echo "$run_dir" >"$RUN_DIR_FILE"

    log "starting Elasticsearch $VERSION on $url with $java_home (data: $run_dir)"
    # -d detaches once the node is up or has failed; -p makes the node itself write its pid.
    if ! as_es_user env -u JAVA_HOME \
        ES_JAVA_HOME="$java_home" \
        ES_PATH_CONF="$run_dir/config" \
        ES_TMPDIR="$run_dir/tmp" \
        ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" \
        HOME="$run_dir" \
        timeout "$((WAIT_SECONDS + 30))" \
        "$home/bin/elasticsearch" -d -p "$run_dir/es.pid" \
        -Ecluster.name="$CLUSTER_NAME" \
        -Enode.name=baoku-node-1 \
        -Epath.data="$run_dir/data" \
        -Epath.logs="$run_dir/logs" \
        -Enetwork.host=127.0.0.1 \
        -Ehttp.port="$port" \
        -Ediscovery.type=single-node \
        -Expack.security.enabled=false \
        -Ecluster.routing.allocation.disk.threshold_enabled=false \
        >"$run_dir/startup.log" 2>&1 9>&-; then
        log_tail "$run_dir"
        die "Elasticsearch $VERSION did not start"
    fi

    deadline=$((SECONDS + WAIT_SECONDS))
    until [[ -s "$run_dir/es.pid" ]] && healthy "$url"; do
        if ((SECONDS >= deadline)); then
            log_tail "$run_dir"
            die "Elasticsearch did not reach health yellow within ${WAIT_SECONDS}s"
        fi
        if [[ -s "$run_dir/es.pid" ]] && ! kill -0 "$(cat "$run_dir/es.pid")" 2>/dev/null; then
            log_tail "$run_dir"
            die "Elasticsearch exited during startup"
        fi
        sleep 1
    done
    cp "$run_dir/es.pid" "$PID_FILE"
    echo "$url" >"$URL_FILE"
    log "up in $((SECONDS - started_at))s"
    echo "$url"
}

cmd_stop() {
    local pid i
    if ! pid="$(running_pid)"; then
        clear_state
        echo "not running"
        return
    fi
    kill -TERM "$pid"
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid ignored SIGTERM for 30s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    clear_state
    echo "stopped"
}

cmd_status() {
    if running_pid >/dev/null && [[ -r "$URL_FILE" ]]; then
        echo "running $(cat "$URL_FILE")"
    else
        echo "not running"
        return 3
    fi
}

cmd_url() {
    if running_pid >/dev/null && [[ -r "$URL_FILE" ]]; then
        cat "$URL_FILE"
    else
        die "not running; use '$0 start'"
    fi
}

# Parallel test workers may all call start at once; one at a time keeps them on one node.
lock_cache() {
    mkdir -p "$ES_CACHE"
    exec 9>"$ES_CACHE/lock"
    flock -w 600 9 || die "timed out waiting for the lock on $ES_CACHE/lock"
}

main() {
    case "${1:-}" in
    start)
        lock_cache
        cmd_start
        ;;
    stop)
        lock_cache
        cmd_stop
        ;;
    status) cmd_status ;;
    url) cmd_url ;;
    *)
        echo "usage: $0 start|stop|status|url" >&2
        exit 2
        ;;
    esac
}

main "$@"
