FROM centos:7
ENV BUILD_UID=1000000
# Triggers run in the images built FROM this one, with this image's ENV.
# want: useradd-large-uid
ONBUILD RUN useradd -u $BUILD_UID builder
