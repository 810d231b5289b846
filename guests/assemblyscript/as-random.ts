// as-random: Math.random() seeds itself from the imported env.seed() -> f64 on first use.

/** roll(): a die roll 1..6 from Math.random(). */
export function roll(): i32 {
  return <i32>Math.floor(Math.random() * 6) + 1;
}

/** sample(): the next Math.random() value in [0, 1). */
export function sample(): f64 {
  return Math.random();
}
