export default function OrderNotFound() {
  return (
    <main id="main" className="app-main">
      <h1>Order not found</h1>
      <p>
        There is no order with this ID in your account. It may belong to another account, or the link may be incomplete.
      </p>
      <p>
        <a href="/orders">Back to your orders</a>
      </p>
    </main>
  );
}
