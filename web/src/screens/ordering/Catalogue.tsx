import { useState, type FormEvent } from "react";
import { may, namesOrganization } from "../../auth/roles";
import { useSignedIn } from "../../auth/session";
import { Field } from "../../components/Field";
import { ChoiceFilter } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { money } from "../../components/format";
import { useCommand } from "../../components/useCommand";

interface Product {
  id: string;
  organizationId: string;
  merchantId: string;
  name: string;
  price: number;
  stock: number;
  status: string;
}

const products = "/api/ordering/products";

export function Catalogue() {
  const session = useSignedIn();
  const { filters, setFilters, list, rows } = useKeysetList<Product, "name" | "status">(products, ["name", "status"]);
  const [name, setName] = useState(filters.name ?? "");
  const [editing, setEditing] = useState<string | null>(null);
  const manages = may(session.roles, "manageCatalogue");

  return (
    <section>
      <h1>Catalogue</h1>
      <form
        className="filters"
        aria-label="Search the catalogue"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ name });
        }}
      >
        <Field label="Name starts with">
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <ChoiceFilter label="Status" value={filters.status} options={["Active", "Inactive"]} onChange={(status) => setFilters({ status })} />
        <button type="submit">Search</button>
      </form>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Price</th>
            <th>Stock</th>
            <th>Status</th>
            {manages && <th>Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((product) =>
            editing === product.id ? (
              <tr key={product.id}>
                <td colSpan={5}>
                  <EditProduct product={product} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={product.id}>
                <td>{product.name}</td>
                <td>{money(product.price)}</td>
                <td>{product.stock}</td>
                <td>{product.status}</td>
                {manages && (
                  <td>
                    <button type="button" onClick={() => setEditing(product.id)} aria-label={`Edit ${product.name}`}>
                      Edit
                    </button>
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
      <LoadMore list={list} empty="No product matches." />
      {manages && <CreateProduct />}
    </section>
  );
}

function CreateProduct() {
  const session = useSignedIn();
  const [organizationId, setOrganizationId] = useState("");
  const [merchantId, setMerchantId] = useState("");
  const [name, setName] = useState("");
  const [price, setPrice] = useState("");
  const [stock, setStock] = useState("");
  const create = useCommand<Product>(
    () => ({
      path: products,
      body: { organizationId: organizationId || null, merchantId, name, price: Number(price), stock: Number(stock) },
    }),
    [products],
    () => {
      setName("");
      setPrice("");
      setStock("");
    },
  );
  const fields = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Create a product" className="card" noValidate>
      <h2>Create a product</h2>
      {namesOrganization(session.roles) && (
        <Field label="Organization id" errors={fields.organizationId}>
          <input value={organizationId} onChange={(e) => setOrganizationId(e.target.value.trim())} />
        </Field>
      )}
      <Field label="Merchant id" errors={fields.merchantId}>
        <input value={merchantId} onChange={(e) => setMerchantId(e.target.value.trim())} />
      </Field>
      <Field label="Product name" errors={fields.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Price (KRW)" errors={fields.price}>
        <input type="number" inputMode="numeric" value={price} onChange={(e) => setPrice(e.target.value)} />
      </Field>
      <Field label="Initial stock" errors={fields.stock}>
        <input type="number" inputMode="numeric" value={stock} onChange={(e) => setStock(e.target.value)} />
      </Field>
      <ProblemMessage error={create.error} />
      {create.isSuccess && <p role="status">Created {create.data.name}.</p>}
      <button type="submit" disabled={create.isPending}>
        Create product
      </button>
    </form>
  );
}

function EditProduct({ product, onDone }: { product: Product; onDone: () => void }) {
  const [name, setName] = useState(product.name);
  const [price, setPrice] = useState(String(product.price));
  const [status, setStatus] = useState(product.status);
  const [quantity, setQuantity] = useState("");
  const path = `${products}/${product.id}`;
  const save = useCommand<Product>(() => ({ path, method: "PUT", body: { name, price: Number(price), status } }), [products], onDone);
  const restock = useCommand<Product>(() => ({ path: `${path}/restock`, body: { quantity: Number(quantity) } }), [products], onDone);
  const fields = { ...fieldErrorsOf(save.error), ...fieldErrorsOf(restock.error) };
  return (
    <div className="inline-edit">
      <form
        aria-label={`Edit ${product.name}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label="Name" errors={fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Price (KRW)" errors={fields.price}>
          <input type="number" value={price} onChange={(e) => setPrice(e.target.value)} />
        </Field>
        <Field label="Status" errors={fields.status}>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option>Active</option>
            <option>Inactive</option>
          </select>
        </Field>
        <ProblemMessage error={save.error} />
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </form>
      <form
        aria-label={`Restock ${product.name}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          restock.mutate();
        }}
      >
        <Field label="Add to stock" errors={fields.quantity}>
          <input type="number" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </Field>
        <ProblemMessage error={restock.error} />
        <button type="submit" disabled={restock.isPending}>
          Restock
        </button>
      </form>
    </div>
  );
}
