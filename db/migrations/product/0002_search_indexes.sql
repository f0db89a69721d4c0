-- Search at catalog scale: the price-descending browse reads its order from an index (products without a
-- price last, as the engine sorts them), like price-ascending and newest already do.
create index products_status_price_desc_idx on catalog.products (status, min_price_amount desc nulls last, id);
