# escape=`
# A file with a backtick escape on a Linux base: its RUN goes to /bin/sh
# once buildkit has joined the lines, and a backslash is sh's.
FROM debian:12
RUN apt-get update && `
# want: apt-get-unpinned
    apt-get install -y --no-install-recommends `
      curl ca-certificates=20230311 && `
    echo C:\ok
RUN apt-get install -y --no-install-recommends `
      curl=7.88.1-10+deb12u5 `
      tzdata=2024a-0+deb12u1
