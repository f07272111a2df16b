endjson() {
  printf "]}\n"
}
