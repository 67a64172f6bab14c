/** Placeholder while the page is being built. */
export default function Register() {
  return <p>Register</p>;
}
