#!/usr/bin/env bash
# Install and start a local redis-server on 127.0.0.1:6379 for textclean's Redis store tests.
# Tolerant of failure: it says why and returns 0, and the Redis tests then skip with a reason.
set -u

say() { echo "redis.sh: $*" >&2; }

ping_redis() {
    if command -v redis-cli >/dev/null 2>&1; then
        redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG
    else
        (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null
    fi
}

if ping_redis; then
    say "a Redis server already answers on 127.0.0.1:6379"
    exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        say "installing redis-server with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null 2>&1 || say "apt-get update failed; trying the install anyway"
        apt-get install -y -qq redis-server >/dev/null 2>&1 || say "apt-get install redis-server failed"
    else
        say "no apt-get on this machine; cannot install redis-server"
    fi
fi

if ! command -v redis-server >/dev/null 2>&1; then
    say "redis-server is not available; Redis tests will be skipped"
    exit 0
fi

redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no \
    >/dev/null 2>&1 || say "redis-server failed to start"

for _ in 1 2 3 4 5 6 7 8 9 10; do
    if ping_redis; then
        say "redis-server is running on 127.0.0.1:6379"
        exit 0
    fi
    sleep 0.5
done
say "redis-server did not answer on 127.0.0.1:6379; Redis tests will be skipped"
exit 0
