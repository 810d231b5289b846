// Generates IPFS test vectors for io.wasmhive.platform.ipfs with the JavaScript reference implementation.
// Run: cd platform-infra/src/test/vectors && npm ci && node make-vectors.mjs
// Writes ../resources/ipfs-vectors.json and the CAR files under ../resources/ipfs-car/.
import { importer } from 'ipfs-unixfs-importer'
import { CarWriter } from '@ipld/car'
import * as dagPb from '@ipld/dag-pb'
import { sha256 } from 'multiformats/hashes/sha2'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const CHUNK = 262144
const SEED = 0x9e3779b9
const SIZES = [
  ['0B', 0], ['1B', 1], ['256KiB-1', CHUNK - 1], ['256KiB', CHUNK], ['256KiB+1', CHUNK + 1],
  ['3MiB', 3 * 1024 * 1024], ['174-chunks', 174 * CHUNK], ['174-chunks+1', 174 * CHUNK + 1]
]
// CAR files committed to the test resources: [vector name, cid version].
const CARS = [['3MiB', 0], ['256KiB+1', 1], ['1B', 0]]

const here = dirname(fileURLToPath(import.meta.url))
const resources = join(here, '..', 'resources')

/** xorshift32 (13, 17, 5) from SEED; byte i is the low byte of the state after i + 1 steps. */
function input (size) {
  const out = new Uint8Array(size)
  let x = SEED | 0
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/** `ipfs add` (kubo defaults) with CIDv0 and dag-pb leaves, or `ipfs add --cid-version=1` (raw leaves). */
async function add (bytes, version) {
  const blocks = new Map()
  const order = []
  const store = {
    put: async (cid, block) => { blocks.set(cid.toString(), block); order.push(cid.toString()); return cid },
    get: async (cid) => blocks.get(cid.toString()),
    has: async (cid) => blocks.has(cid.toString())
  }
  const options = {
    cidVersion: version, rawLeaves: version === 1, chunker: undefined, reduceSingleLeafToSelf: true
  }
  let root
  for await (const entry of importer([{ content: bytes }], store, options)) root = entry.cid
  return { root, blocks, order }
}

/** Depth-first, pre-order, left to right: the order a trustless gateway's `?format=car` uses. */
function dfs (cid, blocks, out = []) {
  out.push(cid)
  if (cid.code === dagPb.code) {
    for (const link of dagPb.decode(blocks.get(cid.toString())).Links) dfs(link.Hash, blocks, out)
  }
  return out
}

async function writeCar (file, root, blocks) {
  const { writer, out } = CarWriter.create([root])
  const parts = []
  const collected = (async () => { for await (const part of out) parts.push(part) })()
  for (const cid of dfs(root, blocks)) await writer.put({ cid, bytes: blocks.get(cid.toString()) })
  await writer.close()
  await collected
  writeFileSync(file, Buffer.concat(parts))
}

async function main () {
  mkdirSync(join(resources, 'ipfs-car'), { recursive: true })
  const vectors = []
  const cars = []
  for (const [name, size] of SIZES) {
    const bytes = input(size)
    const vector = { name, size, sha256: createHash('sha256').update(bytes).digest('hex') }
    for (const version of [0, 1]) {
      const { root, blocks, order } = await add(bytes, version)
      vector[`v${version}`] = { root: root.toString(), rootAsV1: root.toV1().toString(), blocks: order }
      if (CARS.some(([n, v]) => n === name && v === version)) {
        const file = `${name}-v${version}.car`
        await writeCar(join(resources, 'ipfs-car', file), root, blocks)
        cars.push({ file, vector: name, version, root: root.toString(), order: 'dfs' })
      }
    }
    vectors.push(vector)
    console.log(name, size, vector.v0.root, vector.v1.root, vector.v0.blocks.length, vector.v1.blocks.length)
  }
  const empty = await sha256.digest(new Uint8Array(0))
  const doc = {
    about: 'Made by src/test/vectors/make-vectors.mjs with ipfs-unixfs-importer (kubo `ipfs add` defaults: ' +
      '262144-byte fixed chunks, balanced DAG of at most 174 links per node). v0: cidVersion 0, rawLeaves false; ' +
      'v1: cidVersion 1, rawLeaves true. blocks: CIDs in the order the importer stored them.',
    generator: {
      name: 'xorshift32', seed: SEED, shifts: [13, 17, 5],
      description: 'x ^= x << 13; x ^= x >>> 17; x ^= x << 5 (32-bit); byte i is (x & 0xff) after step i + 1'
    },
    emptySha256Multihash: Buffer.from(empty.bytes).toString('hex'),
    vectors,
    cars
  }
  writeFileSync(join(resources, 'ipfs-vectors.json'), JSON.stringify(doc, null, 1) + '\n')
}

await main()
