# bash does not exec a redirected last command.
FROM amazonlinux:2023
# want: shell-form-pid1
CMD ./server > /var/log/server.log 2>&1
