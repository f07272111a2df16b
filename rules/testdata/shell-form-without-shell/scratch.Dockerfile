FROM scratch
COPY app /app
# want: shell-form-without-shell
RUN /app --init

FROM scratch AS with-busybox
# A shell copied in first makes RUN possible.
COPY --from=busybox:1.37 /bin/busybox /bin/sh
RUN /app --init
