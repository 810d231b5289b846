package io.wasmhive.workflow.store;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Workflow bodies built for one rule each: the plain form around the given parts. */
final class Bodies {

  static final String OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  static final String RECIPIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  static final String ZERO = "0x0000000000000000000000000000000000000000";

  private Bodies() {
  }

  static String workflow(String triggers, String jobs) {
    return "{\"owner\":\"" + OWNER + "\",\"triggers\":[" + triggers + "],\"jobs\":[" + jobs + "]}";
  }

  static String job(String id, String steps) {
    return job(id, steps, "s");
  }

  static String job(String id, String steps, String session) {
    return "{\"id\":\"" + id + "\",\"chainId\":31337,\"steps\":[" + steps + "],\"session\":\"" + session + "\"}";
  }

  static String oneStep(String step) {
    return workflow("", job("j", step));
  }

  static String contract(String target, String abi, String args, String value) {
    return "{\"target\":\"" + target + "\",\"abi\":\"" + abi + "\",\"args\":[" + args + "],\"value\":\"" + value
        + "\",\"type\":\"contract\"}";
  }

  static String transfer(String value) {
    return contract(TOKEN, "transfer(address,uint256)", "\"" + RECIPIENT + "\",\"1\"", value);
  }

  static String wasm(String hash, String id) {
    return "{\"target\":\"" + ZERO + "\",\"abi\":\"\",\"args\":[],\"value\":\"0\",\"type\":\"wasm\",\"wasmHash\":\""
        + hash + "\",\"wasmInput\":{},\"wasmId\":\"" + id + "\"}";
  }

  static String repeat(int times, String item) {
    return String.join(",", Collections.nCopies(times, item));
  }

  /** {@code n} quoted numbers, {@code "0","1",…}. */
  static String args(int n) {
    return IntStream.range(0, n).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
  }

  /** A WASM step whose input nests {@code levels} arrays. */
  static String nestedInput(int levels) {
    return "{\"target\":\"" + ZERO + "\",\"abi\":\"\",\"args\":[],\"value\":\"0\",\"type\":\"wasm\","
        + "\"wasmHash\":\"h\",\"wasmInput\":" + "[".repeat(levels) + "]".repeat(levels) + ",\"wasmId\":\"w\"}";
  }
}
