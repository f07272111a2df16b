# UBI minimal has no useradd until shadow-utils is installed, and no gosu:
# the advice is a numeric USER, or installing shadow-utils first.
# want: missing-user
FROM redhat/ubi9-minimal:9.4
COPY app /app
CMD ["/app"]
