FROM debian:11
# want: useradd-large-uid
RUN sh -c "useradd -m -u 1000000 app"
# want: useradd-large-uid
RUN ["/bin/bash", "-c", "useradd -u 2000000 app2 && mkdir -p /home/app2"]
# want: useradd-large-uid
RUN if ! id app3; then exec useradd -u 3000000 app3; fi
