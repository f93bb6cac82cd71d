-- The catalogue list of one organization, newest first (SearchProducts); the shoppers' list of active products walks
-- the primary key.
CREATE INDEX products_by_organization ON ordering.products (organization_id, id DESC);
