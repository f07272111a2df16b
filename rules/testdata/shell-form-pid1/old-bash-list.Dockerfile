# bash before 5.1 (UBI 8) execs only a lone simple command.
FROM registry.access.redhat.com/ubi8/ubi:8.10
# want: shell-form-pid1
CMD cd /srv && ./server
