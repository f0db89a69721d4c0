-- Brand pages sorted by price read their order from an index. With only (status, price) to walk, the planner
-- walked the whole shop in price order looking for the brand's products: 52 ms for the first page of a brand
-- whose products are mostly dear (4,900 of 100,000), where these take a fraction of a millisecond. Both orders
-- are kept as the engine sorts them (products without a price last); the brand index alone served nothing these
-- do not, since every brand filter also asks for active products.
create index products_brand_price_idx on catalog.products (lower(brand), min_price_amount, id)
  where status = 'active';
create index products_brand_price_desc_idx on catalog.products
  (lower(brand), min_price_amount desc nulls last, id) where status = 'active';
drop index catalog.products_brand_idx;
