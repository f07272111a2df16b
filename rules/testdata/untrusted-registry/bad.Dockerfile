# want: untrusted-registry
FROM quay.io/prometheus/busybox:latest AS tools
# want: untrusted-registry
FROM ghcr.io/other/app:1
# want: untrusted-registry
COPY --from=gcr.io/distroless/static:nonroot /etc/passwd /etc/passwd
