# Build steps: no PID 1 for su to stand in front of, so nothing is reported.
FROM postgres:16
ONBUILD RUN su postgres -c "initdb -D /tmp/pgdata"
