FROM debian:12-slim
RUN useradd --uid 10001 app
# dlint ignore=root-user want: unused-ignore
USER 10001:10001
# A reason may follow the list; only the rule that silenced nothing is reported.
# dlint ignore=sudo, root-user -- the build needs sudo want: unused-ignore
RUN sudo true
# hadolint ignore=DL3002 want: unused-ignore
USER 10001
# check=skip=JSONArgsRecommended want: unused-ignore
CMD ["/usr/local/bin/app"]
