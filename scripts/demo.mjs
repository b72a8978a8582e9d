// `npm run demo`: the Wangjialong community for a simulated month on embedded SQLite.
// The demo lands with its own issue; until then this says so plainly instead of pretending.
console.log("linli demo: not yet. The Wangjialong month simulation arrives with the presets and demo issue.");
console.log("Meanwhile: `npm test` runs the whole suite, `npm run bench` the benchmarks.");
