# Sourced by the lent-GPU call scripts (call.sh, call_restoration.sh). stop_at_deadline PID...: waits for each background job in turn
# until DEADLINE seconds after T0, stops any still running then (so that the logs come back), and logs each exit status to $L/deadline.txt.
stop_at_deadline() {
  for p in "$@"; do
    while kill -0 $p 2>/dev/null && [ $(( $(date +%s) - T0 )) -lt $DEADLINE ]; do sleep 2; done
    if kill -0 $p 2>/dev/null; then echo "deadline: stopping $p" | tee -a $L/deadline.txt; pkill -P $p; kill $p; fi
    wait $p; echo "pid $p rc $? at $(( $(date +%s) - T0 )) s" | tee -a $L/deadline.txt
  done
}
