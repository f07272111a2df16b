#!/bin/sh
set -e
mysql_install_db --user=mysql
exec mysqld_safe --user=mysql
