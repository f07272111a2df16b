target "dev" {
  context    = "dev"
  dockerfile = "Dockerfile"
  contexts = {
    templates = "../templates"
    "release" = "docker-image://ghcr.io/acme/release:1"
  }
}
