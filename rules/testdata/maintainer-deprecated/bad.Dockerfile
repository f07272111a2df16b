FROM alpine:3.20
# want: maintainer-deprecated
MAINTAINER Jane Doe <jane@example.com>
