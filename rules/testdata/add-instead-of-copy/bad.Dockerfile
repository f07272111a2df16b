FROM alpine:3.20
# want: add-instead-of-copy
ADD requirements.txt /app/
# want: add-instead-of-copy
ADD --chown=app:app . /app
ARG SRC=config.yml
# want: add-instead-of-copy
ADD $SRC /etc/app/
# want: add-instead-of-copy
ADD src/*.py /app/
