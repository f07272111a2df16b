# /bin/sh is bash 5 on UBI 9 and Amazon Linux 2023: a plain last command is exec'd.
FROM registry.access.redhat.com/ubi9/ubi:9.5
CMD ./migrate && ./server
