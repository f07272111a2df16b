# Build steps: no PID 1 for su to stand in front of, so nothing is reported.
FROM postgres:16 AS seed
COPY seed.sql /tmp/seed.sql
RUN su postgres -c "initdb -D /tmp/pgdata" \
 && runuser -u postgres -- pg_ctl -D /tmp/pgdata -w start \
 && psql -U postgres -f /tmp/seed.sql

FROM alpine:3.20
RUN adduser -D -u 10001 app
RUN <<EOS
su app -s /bin/sh -c 'mkdir -p ~/.cache'
EOS
USER 10001:10001
