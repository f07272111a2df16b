# ash execs the last command also when redirected or in an if branch.
FROM alpine:3.21
ENTRYPOINT ["sh", "-c", "if [ -n \"$DEBUG\" ]; then app --debug; else app > /var/log/app.log; fi"]
