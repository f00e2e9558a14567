# Generates the default certification workflows (samples/workflows/certified-copy-*.json, embedded in
# Activities and seeded on first run): one per document type, the same flowchart with the type's face
# source. Run from the repository root: python3 scripts/generate-default-workflows.py
import json, os
# What the citizen said was recognised wrongly at the confirmation: such a dossier always goes to the officer.
DISPUTED = "((outputs.confirm && outputs.confirm.Payload && outputs.confirm.Payload.disputedFields) || [])"
# Why the dossier needs the officer's eyes, as inbox labels ("clear" when nothing does: batch approval is for those).
REASONS = ("[].concat(outputs.validate ? outputs.validate.Findings.filter(f => f.severity !== 'Info').map(f => f.code) : ['document-unrecognised'],"
    " variables.identity === 'review' ? ['face-review'] : [], " + DISPUTED + ".length > 0 ? ['disputed-fields'] : [])")
LABELS = ("(function () { const reasons = " + REASONS + "; return { documentType: input.documentType, kiosk: input.deviceId, receipt: input.receiptCode,"
    " review: variables.needsReview === true || reasons.length > 0 ? 'doubtful' : 'clear', reason: reasons }; })()")
# The officer who approved signs: the back office puts the signed-in officer into the task's result, never the browser.
# An auto-approved clear case is signed by the agency's duty officer.
SIGNER = "outputs.approval && outputs.approval.Action === 'Approve' ? (outputs.approval.Result && outputs.approval.Result.officerId) || null : input.officerId"
def L(v): return {"type":"Literal","value":v}
def J(v): return {"type":"JavaScript","value":v}
def Q(v): return {"type":"Liquid","value":v}

def build(key, name_vi, name_en, has_portrait):
    acts=[]; conns=[]
    def a(id, type, name=None, x=0, y=0, **inputs):
        n={"id":id,"type":type}
        if name: n["displayName"]=name
        if inputs: n["inputs"]=inputs
        n["metadata"]={"designer":{"position":{"x":x,"y":y}}}
        acts.append(n)
    def c(s, port, t):
        conns.append({"source":{"activity":s,"port":port},"target":{"activity":t,"port":"In"}})
    a("start","Start",x=0,y=300)
    a("scan","WaitForSignal","Chờ bản quét (wait for the scan)",160,300,Signal=L("kiosk.scan"))
    a("scanned","SetVariable","Ghi nhận trang quét (take the pages)",320,300,Variable=L("pages"),Value=J("outputs.scan.Payload.pages"))
    a("receive","ReceiveScan","Kiểm tra tệp quét (check the scan files)",480,300,Pages=J("variables.pages"))
    a("recognise","RecogniseDocument","Nhận dạng giấy tờ (recognise)",640,300,Pages=J("variables.pages"),DeclaredType=J("input.template"),CaptureSource=J("(outputs.scan && outputs.scan.Payload && outputs.scan.Payload.source) || 'Unknown'"))
    a("validate","ValidateFields","Kiểm tra thông tin (validate)",800,300,Recognition=J("outputs.recognise.Result"))
    a("doubt","SetVariable","Cần cán bộ xem xét (flag for review)",800,460,Variable=L("needsReview"),Value=J("true"))
    a("refuseInvalid","ConcludeDossier","Từ chối: giấy tờ không hợp lệ (refuse: invalid)",960,140,Conclusion=L("Refused"),Reasons=J("outputs.validate.Findings.filter(f => f.severity === 'Invalid')"),ReasonCode=L("document-invalid"))
    a("consent","WaitForSignal","Chờ đồng ý kiểm tra khuôn mặt (wait for consent)",960,300,Signal=L("kiosk.consent"))
    a("recordConsent","RecordBiometricConsent","Ghi nhận đồng ý (record consent)",1120,300,Agreed=J("outputs.consent.Payload.agreed === true"))
    a("refuseConsent","ConcludeDossier","Từ chối: không đồng ý (refuse: no consent)",1120,460,Conclusion=L("Refused"),ReasonCode=L("consent-refused"))
    a("challenge","IssueLivenessChallenge","Tạo thử thách (liveness challenge)",1280,300)
    a("identity","WaitForSignal","Chờ ảnh khuôn mặt (wait for the face frames)",1440,300,Signal=L("kiosk.identity"))
    idcard = "variables.pages[0]" if has_portrait else "outputs.identity.Payload.idCardFront"
    a("match","MatchFace","So khớp khuôn mặt (match the face)",1600,300,IdCardFront=J(idcard),IdCardType=L("cccd-2021-front"),LiveFrames=J("outputs.identity.Payload.frames"),Consent=J("outputs.recordConsent.Consent"),AcceptBelow=L(0.5),ReviewBelow=L(0.55))
    a("liveness","CheckLiveness","Kiểm tra người thật (liveness)",1760,300,Challenge=J("outputs.challenge.Challenge"),Frames=J("outputs.identity.Payload.frames"),Consent=J("outputs.recordConsent.Consent"))
    a("verified","SetVariable","Đã xác minh (verified)",1920,220,Variable=L("identity"),Value=L("verified"))
    a("faceDoubt","SetVariable","Cần cán bộ xem (face: review)",1920,380,Variable=L("identity"),Value=L("review"))
    a("mismatch","SetVariable","Không khớp (mismatch)",1760,520,Variable=L("identity"),Value=L("mismatch"))
    a("livenessPolicy","Decision","Bắt buộc người thật? (liveness required?)",1920,520,Condition=J("input.livenessRequired !== false"))
    a("forget","DeleteBiometricCaptures","Xóa ảnh khuôn mặt (delete the face captures)",2080,300,Captures=J("outputs.identity.Payload.frames"))
    a("byIdentity","Switch","Theo kết quả xác minh (by identity result)",2240,300,Cases=L([{"label":"Verified","condition":"variables.identity === 'verified'"},{"label":"Review","condition":"variables.identity === 'review'"}]))
    a("identityDoubt","SetVariable","Cần cán bộ xem xét (flag for review)",2400,460,Variable=L("needsReview"),Value=J("true"))
    a("refuseFace","ConcludeDossier","Từ chối: khuôn mặt không khớp (refuse: face mismatch)",2400,620,Conclusion=L("Refused"),Reasons=J("(outputs.match.Result && outputs.match.Result.reasons) || []"),ReasonCode=L("face-mismatch"))
    a("fee","CalculateFee","Tính lệ phí (calculate the fee)",2560,300,Pages=J("outputs.receive.PageCount"),Copies=L(1))
    a("confirm","WaitForSignal","Chờ xác nhận (wait for the citizen's confirmation)",2720,300,Signal=L("kiosk.confirmation"))
    a("payFirst","Decision","Thu lệ phí tại kiosk? (collect the fee at the kiosk?)",2880,300,Condition=J("input.paymentRequired !== false && outputs.fee.TotalDong > 0 && !(outputs.paid && outputs.paid.Payload && outputs.paid.Payload.status === 'Paid')"))
    a("pay","RequestPayment","Yêu cầu thanh toán (order the fee)",2880,140,DossierId=J("input.dossierId"),AmountDong=J("outputs.fee.TotalDong"),Description=Q("Le phi chung thuc {{ input.receiptCode }}"))
    a("paid","WaitForSignal","Chờ thanh toán (wait for the payment)",3040,140,Signal=L("kiosk.payment"))
    a("payResult","Switch","Kết quả thanh toán (payment outcome)",3200,140,Cases=L([{"label":"Paid","condition":"outputs.paid.Payload.status === 'Paid'"}]))
    a("refusePayment","ConcludeDossier","Từ chối: chưa thanh toán (refuse: not paid)",3360,40,Conclusion=L("Refused"),ReasonCode=L("payment-failed"))
    a("route","Decision","Tự động duyệt? (auto-approve a clear case?)",3040,300,Condition=J("input.autoApprove === true && variables.needsReview !== true && " + DISPUTED + ".length === 0"))
    a("approval","UserTask","Cán bộ duyệt và ký (officer approves and signs)",3040,460,
      Title=Q("Chứng thực bản sao {{ input.documentType }} — biên nhận {{ input.receiptCode }}"),
      Description=Q("{% if variables.needsReview %}Cần xem xét: có phát hiện trong hồ sơ.{% else %}Hồ sơ rõ ràng.{% endif %}{% if outputs.confirm.Payload.disputedFields.size > 0 %} Công dân báo thông tin nhận dạng sai (citizen reports wrong fields): {{ outputs.confirm.Payload.disputedFields | join: ', ' }}.{% endif %}"),
      CandidateRole=L("clerk"),Actions=L(["Approve","Reject","Rescan"]),DueRule=L("SameDayOrNextWorkingDay"),EscalateBefore=L("01:00:00"),
      # Only the dossier's own agency sees the task; the labels feed the clerks' inbox filters.
      Scope=J("input.agencyId"),Labels=J(LABELS),
      FormData=J("({ dossierId: input.dossierId, receiptCode: input.receiptCode, agencyId: input.agencyId, documentType: input.documentType, needsReview: variables.needsReview === true, recognition: outputs.recognise ? { type: outputs.recognise.DocumentType, fields: outputs.recognise.Result ? outputs.recognise.Result.fields : [] } : null, findings: outputs.validate ? outputs.validate.Findings : [], face: outputs.match ? outputs.match.Result : null, liveness: outputs.liveness ? outputs.liveness.Result : null, fee: outputs.fee ? outputs.fee.TotalDong : 0, disputedFields: " + DISPUTED + " })"))
    a("refuseOfficer","ConcludeDossier","Từ chối: cán bộ không duyệt (refuse: officer)",3200,620,Conclusion=L("Refused"),Reasons=J("(outputs.approval.Result && outputs.approval.Result.reasons) || []"),ReasonCode=L("officer-rejected"))
    a("notifyRescan","NotifyCitizen","Báo công dân quét lại (tell the citizen to rescan)",3200,780,DossierId=J("input.dossierId"),Notice=L("RescanRequested"))
    a("rescan","WaitForSignal","Chờ quét lại (wait for a rescan)",3360,780,Signal=L("kiosk.rescan"))
    a("rescanned","SetVariable","Ghi nhận trang quét lại (take the new pages)",320,780,Variable=L("pages"),Value=J("outputs.rescan.Payload.pages"))
    a("issue","IssueCertifiedCopy","Cấp bản sao điện tử (issue the certified copy)",3360,300,
      AgencyId=J("input.agencyId"),OfficerId=J(SIGNER),
      OriginalKey=J("input.dossierId"),DocumentType=J("outputs.recognise.DocumentType || input.template"),Pages=J("variables.pages"),FeeDong=J("outputs.fee.PerCopyDong"))
    a("email","SendCopyByEmail","Gửi thư điện tử (e-mail the copy)",3520,300,DossierId=J("input.dossierId"),CopyId=J("outputs.issue.CopyId"))
    a("issued","ConcludeDossier","Đã cấp (issued)",3680,300,Conclusion=L("Issued"))
    a("issueFailed","Fault","Lỗi cấp bản sao (issuance failed)",3520,460,Message=Q("Không cấp được bản sao (issuance failed): {{ outputs.issue.FailureReason }}"))
    a("end","End",x=3840,y=300)
    c("start","Done","scan"); c("scan","Done","scanned"); c("scanned","Done","receive")
    c("receive","Accepted","recognise"); c("receive","Rejected","scan")
    c("recognise","Recognised","validate"); c("recognise","NeedsRescan","scan"); c("recognise","Unrecognised","doubt")
    c("validate","Valid","consent"); c("validate","NeedsReview","doubt"); c("validate","Invalid","refuseInvalid")
    c("doubt","Done","consent")
    c("consent","Done","recordConsent"); c("recordConsent","Given","challenge"); c("recordConsent","Refused","refuseConsent")
    c("challenge","Done","identity"); c("identity","Done","match")
    c("match","Match","liveness"); c("match","Inconclusive","faceDoubt"); c("match","NoMatch","mismatch")
    c("liveness","Live","verified"); c("liveness","NotLive","livenessPolicy"); c("livenessPolicy","True","faceDoubt"); c("livenessPolicy","False","verified"); c("liveness","Inconclusive","faceDoubt")
    c("verified","Done","forget"); c("faceDoubt","Done","forget"); c("mismatch","Done","forget")
    c("forget","Done","byIdentity")
    c("byIdentity","Verified","fee"); c("byIdentity","Review","identityDoubt"); c("byIdentity","Default","refuseFace")
    c("identityDoubt","Done","fee")
    c("fee","Done","confirm"); c("confirm","Done","payFirst"); c("payFirst","True","pay"); c("payFirst","False","route"); c("pay","Done","paid"); c("paid","Done","payResult"); c("payResult","Paid","route"); c("payResult","Default","refusePayment"); c("refusePayment","Done","end")
    c("route","True","issue"); c("route","False","approval")
    c("approval","Approve","issue"); c("approval","Reject","refuseOfficer"); c("approval","Rescan","notifyRescan"); c("notifyRescan","Queued","rescan"); c("notifyRescan","NoAddress","rescan")
    c("rescan","Done","rescanned"); c("rescanned","Done","receive")
    c("issue","Issued","email"); c("email","Queued","issued"); c("email","NoAddress","issued"); c("issue","Failed","issueFailed")
    c("issued","Done","end"); c("refuseInvalid","Done","end"); c("refuseConsent","Done","end"); c("refuseFace","Done","end"); c("refuseOfficer","Done","end")
    return {
      "definitionId": f"certified-copy-{key}",
      "name": f"Chứng thực bản sao điện tử — {name_vi} (certified e-copy — {name_en})",
      "description": ("Kiosk dossier: scan → file checks → recognition → validation → consent, face match and liveness"
        + (" against the card's own portrait" if has_portrait else " against the citizen's own ID card")
        + " → fee → confirmation → payment (QR / e-wallet) → the officer's approval (or auto-approval of a clear case when the document type allows it) → certified copy issued and signed."),
      "variables":[{"name":"pages","type":"json","isPersonalData":True},{"name":"needsReview","type":"boolean"},{"name":"identity","type":"string"}],
      "root":{"type":"Flowchart","activities":acts,"connections":conns},
      "metadata":{"designer":{"zoom":0.6}},
    }
types=[("cccd","Căn cước công dân","citizen ID card",True),("birth-certificate","Giấy khai sinh","birth certificate",False),("diploma","Bằng tốt nghiệp","diploma",False),("land-use-certificate","Giấy chứng nhận quyền sử dụng đất","land-use right certificate",False),("generic","Giấy tờ khác","other document",False)]
for k,vi,en,p in types:
    open(os.path.join("samples", "workflows", f"certified-copy-{k}.json"),"w",encoding="utf-8").write(json.dumps(build(k,vi,en,p),ensure_ascii=False,indent=2)+"\n")
