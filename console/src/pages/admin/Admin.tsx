/** Placeholder while the page is being built. */
export default function Admin() {
  return <p>Admin</p>;
}
