/** Placeholder while the page is being built. */
export default function ClerkDesk() {
  return <p>ClerkDesk</p>;
}
