# want: reserved-stage-name
FROM alpine:3.20 AS context
RUN echo hi
# want: reserved-stage-name
FROM alpine:3.20 AS Scratch
COPY --from=context /etc/hostname /x
