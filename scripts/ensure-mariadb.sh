#!/usr/bin/env bash
# The Forge SQL tests run against a real MySQL-compatible server: Debian's MariaDB on 127.0.0.1:3306 (root, no
# password, as Debian's package sets it up for the local root account). Installs it when missing (needs root, as on CI
# and the project's machines) and starts it when the port is closed.
set -euo pipefail
HOST=127.0.0.1
PORT=3306
port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }
if port_open; then exit 0; fi
if [ ! -x /usr/sbin/mariadbd ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "mariadb-server is missing: install Debian's mariadb-server package (apt-get install mariadb-server) to run the Forge SQL tests" >&2
    exit 1
  fi
  echo "Installing Debian's mariadb-server for the Forge SQL tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq mariadb-server >/dev/null
fi
mkdir -p /run/mysqld
chown mysql:mysql /run/mysqld 2>/dev/null || true
start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql --bind-address=$HOST --port=$PORT
for _ in $(seq 1 60); do
  if port_open; then break; fi
  sleep 0.5
done
if ! port_open; then
  echo "MariaDB did not open $HOST:$PORT within 30 s" >&2
  exit 1
fi
# A fresh Debian install lets root in through the Unix socket only: open root over TCP on loopback, no password.
if ! mariadb -uroot -h"$HOST" -P"$PORT" -e 'SELECT 1' >/dev/null 2>&1; then
  mariadb -uroot -e "CREATE USER IF NOT EXISTS 'root'@'$HOST' IDENTIFIED BY ''; GRANT ALL PRIVILEGES ON *.* TO 'root'@'$HOST' WITH GRANT OPTION;"
fi
