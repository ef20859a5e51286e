/// ParleyAlgorithmsTests: the `algo.*` procedures against NetworkX's golden answers
/// (`make goldens` writes them) and hand-checked small graphs.
