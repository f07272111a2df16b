target "base" {
  context = "core/base/"
}
target "app" {
  context = "app/"
  contexts = {
    base   = "target:base"
    assets = "target:assets"
  }
}
