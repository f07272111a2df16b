FROM alpine:3.20
USER 1000:1000
# Escaped quotes and backslashes are valid JSON.
CMD ["/bin/app", "--greeting", "say \"hi\"", "--dir", "C:\\data"]
