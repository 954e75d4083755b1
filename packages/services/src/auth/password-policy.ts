/** Every password a user sets: at least this long (better-auth checks it), and not weak (weakPasswordReason). */
export const minPasswordLength = 12;

/**
 * Why a new password is too weak, or null: too short or too long, only spaces, or too few different characters
 * (`aaaaaaaaaaaa`, `abababababab`).
 */
export function weakPasswordReason(password: string): string | null {
  if (password.length < minPasswordLength || password.length > 128) {
    return `A password needs ${minPasswordLength} to 128 characters.`;
  }
  if (password.trim() === "") {
    return "A password cannot be only spaces.";
  }
  if (new Set(password).size < 5) {
    return "A password needs at least 5 different characters.";
  }
  return null;
}

// Names that would pass a user off as Portway, its porting team or its partner in history and notes.
const reservedNames = /^(porting partner|partner|portway|portway support|porting team|system|admin|administrator)$/i;

export function isReservedName(name: string): boolean {
  return reservedNames.test(name.trim().replace(/\s+/g, " "));
}
