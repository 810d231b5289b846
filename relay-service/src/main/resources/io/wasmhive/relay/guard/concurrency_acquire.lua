-- Running executions per user, atomically: KEYS[1] is the user's sorted set of running request ids, scored by the
-- time (ms of the Redis clock) after which a slot is considered leaked (its relay died before releasing it).
-- ARGV: limit, request id, lease (ms). Returns {acquired (1/0), running after the call}.
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
if redis.call('ZSCORE', key, ARGV[2]) then
  return {1, redis.call('ZCARD', key)}
end
local running = redis.call('ZCARD', key)
if running >= limit then
  return {0, running}
end
local deadline = now + tonumber(ARGV[3])
redis.call('ZADD', key, deadline, ARGV[2])
local ttl = redis.call('PTTL', key)
if ttl < tonumber(ARGV[3]) then
  redis.call('PEXPIRE', key, ARGV[3])
end
return {1, running + 1}
