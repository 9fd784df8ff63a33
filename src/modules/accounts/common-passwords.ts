/**
 * A check against common passwords. Lists of breached passwords are dominated by a few hundred
 * words dressed up with digits, symbols and letter-for-digit swaps ("P@ssw0rd2024!"); so the check
 * undoes the swaps, drops everything but letters, and refuses the password when what is left is
 * such a word (repeated or not), a keyboard or alphabet run, or almost nothing at all. The words
 * below are the stems of the most common passwords in public breach lists, with the Indonesian ones.
 */
const words = `password passwort pass sandi katasandi kata rahasia secret admin administrator root user login
welcome selamat datang qwerty qwertz azerty asdf asdfgh asdfghjkl zxcv zxcvbn qwertyuiop iloveyou loveyou
love cinta sayang aku kamu bismillah alhamdulillah insyaallah allah indonesia jakarta bandung surabaya medan
lampung jambi merdeka garuda pancasila bangkom pemda pemkab pemprov kabupaten provinsi kota pegawai asn pns
monkey dragon football baseball basketball soccer sunshine princess master shadow superman batman spiderman
trustno michael jordan charlie freedom whatever starwars pokemon naruto letmein changeme default guest test
testing hello helloworld computer internet samsung google facebook secure access ninja mustang killer
hunter ranger jennifer jessica ashley daniel thomas andrew joshua matthew robert william anthony hannah
summer winter autumn spring flower angel angels baby babygirl family friends happy lucky money cookie
chocolate cheese pepper orange banana apple mango durian rendang nasigoreng indomie persib persija
maret april juni juli agustus september oktober november desember januari februari senin selasa rabu
kamis jumat sabtu minggu`.split(/\s+/);

const common = new Set(words);
const runs = ['abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'qazwsxedcrfvtgbyhnujmikolp'];
const swaps: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };
const lettersOf = (text: string) => text.replace(/[^\p{L}]/gu, '');

/**
 * The words under the decoration: the letters alone ("Password1234" → password), and the letters
 * after undoing swaps inside the word once digits and symbols around it are dropped
 * ("P@ssw0rd2024!" → password).
 */
function stemsOf(password: string): string[] {
  const lower = password.toLowerCase();
  const inner = lower.replace(/^[^\p{L}@$]+|[^\p{L}]+$/gu, '');
  const swapped = lettersOf([...inner].map((ch) => swaps[ch] ?? ch).join(''));
  return [lettersOf(lower), swapped];
}

/** `abab` → `ab`: the shortest piece the text repeats. */
function unit(text: string): string {
  for (let n = 1; n <= text.length / 2; n++) {
    if (text.length % n === 0 && text.slice(0, n).repeat(text.length / n) === text) return text.slice(0, n);
  }
  return text;
}

function commonStem(stem: string): boolean {
  const base = unit(stem);
  if (base.length < 4 || new Set(stem).size < 4) return true;
  if (common.has(stem) || common.has(base)) return true;
  return runs.some((run) => run.includes(stem) || [...run].reverse().join('').includes(stem));
}

export const isCommonPassword = (password: string): boolean => stemsOf(password).some(commonStem);
