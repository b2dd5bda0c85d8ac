#!/usr/bin/env bash
# A whole election run by belenios-tool alone, in directory $1: 3 threshold trustees (2 needed), 4 voters on two
# three-level confidence questions, one revote, tally, 2 partial decryptions, result. Prints the archive path.
set -euo pipefail
cd "$1"
export BELENIOS_USE_URANDOM=1
UUID=$(belenios-tool setup generate-token)
group="--group BELENIOS-2048"
belenios-tool setup generate-credentials --uuid "$UUID" $group --count 4 > /dev/null
mv ./*.pubcreds public_creds.json
mv ./*.privcreds private_creds.txt
tt() { belenios-tool setup generate-trustee-key-threshold $group "$@"; }
tt --step 1 2>/dev/null; tt --step 1 2>/dev/null; tt --step 1 2>/dev/null
cat ./*.cert > certs.jsons
tt --certs certs.jsons --step 2 2>/dev/null
for u in *.key; do tt --certs certs.jsons --key "$u" --step 3 --threshold 2 2>/dev/null; done > polynomials.jsons
tt --certs certs.jsons --step 4 --polynomials polynomials.jsons 2>/dev/null
for u in *.key; do b=${u%.key}; tt --certs certs.jsons --key "$u" --step 5 < "$b.vinput" > "$b.voutput" 2>/dev/null; done
cat ./*.voutput | tt --certs certs.jsons --step 6 --polynomials polynomials.jsons > threshold.json 2>/dev/null
touch public_keys.jsons
belenios-tool setup make-trustees 2>/dev/null
rm threshold.json
cat > questions.json <<'Q'
{"description":"Lấy phiếu tín nhiệm","name":"Phiếu thử","questions":[{"answers":["Tín nhiệm cao","Tín nhiệm","Tín nhiệm thấp"],"min":1,"max":1,"question":"Nguyễn Văn A"},{"answers":["Tín nhiệm cao","Tín nhiệm","Tín nhiệm thấp"],"min":1,"max":1,"question":"Trần Thị B"}]}
Q
belenios-tool setup make-election --uuid "$UUID" $group --template questions.json 2>/dev/null
belenios-tool archive init 2>/dev/null
rm -f election.json trustees.json public_creds.json
printf '%s\n' '[[1,0,0],[0,0,1]]' '[[0,1,0],[1,0,0]]' '[[1,0,0],[1,0,0]]' '[[0,0,1],[0,1,0]]' > votes.txt
paste -d ' ' private_creds.txt votes.txt | while read -r _ cred vote; do
  belenios-tool election generate-ballot --privcred <(echo "$cred") --ballot <(echo "$vote") 2>/dev/null | belenios-tool archive add-event --type=Ballot 2>/dev/null
done
# voter 1 votes again: only this ballot counts
head -n 1 private_creds.txt | while read -r _ cred; do
  belenios-tool election generate-ballot --privcred <(echo "$cred") --ballot <(echo '[[0,0,1],[0,0,1]]') 2>/dev/null | belenios-tool archive add-event --type=Ballot 2>/dev/null
done
belenios-tool archive add-event --type=EndBallots < /dev/null 2>/dev/null
belenios-tool election compute-encrypted-tally 2>/dev/null | belenios-tool archive add-event --type=EncryptedTally 2>/dev/null
id=1
for u in $(ls ./*.key | head -n 2); do
  belenios-tool election decrypt-threshold --key "$u" --decryption-key "${u%.key}.dkey" --trustee-id $id 2>/dev/null | belenios-tool archive add-event --type=PartialDecryption 2>/dev/null
  id=$((id + 1))
done
belenios-tool election compute-result 2>/dev/null | belenios-tool archive add-event --type=Result 2>/dev/null
belenios-tool election verify > /dev/null 2>&1
echo "$PWD/$UUID.bel"
