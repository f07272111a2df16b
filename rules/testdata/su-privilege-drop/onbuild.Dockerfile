FROM postgres:16
# want: su-privilege-drop
ONBUILD RUN su postgres -c "initdb -D /tmp/pgdata"
